package dk.greatercph.ope.app.support;

/** Request bodies that tests send, as a client would write them. */
public final class Requests {

    private Requests() {
    }

    public static String delegation(String organisation) {
        return """
                {"channel":"EMBASSY","requestingOrganisation":"%s","originProvince":"Jiangsu",
                 "originCity":"Nanjing","delegationType":"ADMINISTRATIVE","politicalLevel":"PROVINCIAL",
                 "headCount":12,"wishedFrom":"2027-04-12","wishedTo":"2027-04-16",
                 "themes":["HEALTH_WELFARE_TECH"],"purpose":"Study visit on welfare technology",
                 "businessOpportunity":"Two companies look for Danish tele-health partners"}
                """.formatted(organisation);
    }
}
