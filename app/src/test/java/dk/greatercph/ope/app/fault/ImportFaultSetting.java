package dk.greatercph.ope.app.fault;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where an import fault test runs the built jar: a work folder, the embedded PostgreSQL's data in it, and a
 * temporary folder of its own ({@code java.io.tmpdir}), so that the test sees exactly the files the jar leaves.
 */
record ImportFaultSetting(Path folder, Postmaster postmaster, Path temporary, List<String> args,
                          Map<String, String> env) {

    static ImportFaultSetting in(String name) throws IOException {
        Path folder = JarProcess.workFolder(name);
        Postmaster postmaster = new Postmaster(folder.resolve("postgres"));
        Path temporary = Files.createDirectories(folder.resolve("tmp"));
        List<String> args = List.of(
                "--ope.embedded-postgres.data-dir=" + postmaster.dataDir(),
                "--ope.embedded-postgres.port=" + JarProcess.freePort(),
                "--ope.security.allow-demo-users=true");
        return new ImportFaultSetting(folder, postmaster, temporary, args,
                Map.of("JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + temporary));
    }

    /** Starts the application's jar here and waits until it is healthy. */
    JarProcess start(String name) {
        return JarProcess.start(name, JarProcess.appJar(), folder, args, env);
    }
}
