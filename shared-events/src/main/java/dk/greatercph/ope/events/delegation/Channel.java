package dk.greatercph.ope.events.delegation;

/** How a request reached the desk. */
public enum Channel {
    EMBASSY,
    JIANGSU_FOREIGN_AFFAIRS_OFFICE,
    MUNICIPALITY,
    DIRECT,
    OTHER
}
