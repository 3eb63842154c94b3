package dk.greatercph.ope.platform.schema;

/**
 * A module's own Flyway migrations, applied after the platform's with a history table of their own, so that
 * the command side and the query side can each migrate what they own on a shared database.
 *
 * @param name     a short name; the history table is {@code flyway_history_<name>}
 * @param location the Flyway location of the module's migrations, e.g. {@code classpath:db/query}
 */
public record SchemaModule(String name, String location) {

    public SchemaModule {
        if (!name.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("a schema module name is lower case letters, digits and _");
        }
    }

    String historyTable() {
        return "flyway_history_" + name;
    }
}
