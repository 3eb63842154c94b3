package dk.greatercph.ope.platform.database;

/** The database acknowledges commits before they are durable, and nobody accepted that risk. */
class UnsafeCommitsException extends IllegalStateException {

    private final String synchronousCommit;
    private final String fsync;

    UnsafeCommitsException(String synchronousCommit, String fsync) {
        super("The database acknowledges commits before they are durable (synchronous_commit=" + synchronousCommit
                + ", fsync=" + fsync + "): a request answered 2xx could be lost in a crash.");
        this.synchronousCommit = synchronousCommit;
        this.fsync = fsync;
    }

    String synchronousCommit() {
        return synchronousCommit;
    }

    String fsync() {
        return fsync;
    }
}
