package dk.greatercph.ope.app.support;

/** Request bodies that tests send, as a client would write them. */
public final class Requests {

    private Requests() {
    }

    /** A request of the given type on the given themes, with or without a stated business opportunity. */
    public static String delegation(String organisation, String type, String themes, String opportunity) {
        return """
                {"channel":"EMBASSY","requestingOrganisation":"%s","originProvince":"Jiangsu",
                 "originCity":"Nanjing","delegationType":"%s","politicalLevel":"PROVINCIAL",
                 "headCount":8,"wishedFrom":"2027-09-06","wishedTo":"2027-09-10",
                 "themes":[%s],"purpose":"Study visit"%s}
                """.formatted(organisation, type, themes,
                opportunity == null ? "" : ",\"businessOpportunity\":\"" + opportunity + "\"");
    }

    /** The request {@code body} received on {@code dateReceived} (yyyy-mm-dd; null leaves it out: today). */
    public static String receivedOn(String body, String dateReceived) {
        return dateReceived == null ? body
                : body.replaceFirst("\\{", "{\"dateReceived\":\"" + dateReceived + "\",");
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
