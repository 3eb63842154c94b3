package dk.greatercph.ope.events.delegation;

/** The theme codes that route a delegation to an operator (rule R1). */
public enum Theme {
    GREEN_GROWTH,
    HEALTH_WELFARE_TECH,
    INVESTMENT,
    TALENT,
    TOURISM,
    POLITICAL_DIALOGUE,
    AUTHORITY_SOIL_WATER,
    AUTHORITY_HEALTH
}
