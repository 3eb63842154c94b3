package dk.greatercph.ope.command.imports.web;

import dk.greatercph.ope.command.delegation.RegisterDelegationCommand;
import dk.greatercph.ope.command.delegation.web.RegisterDelegationRequest;
import dk.greatercph.ope.events.delegation.DelegationId;
import dk.greatercph.ope.platform.database.DatabaseFailures;
import dk.greatercph.ope.platform.database.DatabaseProblem;
import dk.greatercph.ope.platform.input.RemainingInputErrors;
import dk.greatercph.ope.platform.input.CanonicalJson;
import dk.greatercph.ope.platform.input.InvalidInput;
import dk.greatercph.ope.platform.problem.DomainProblem;
import dk.greatercph.ope.platform.problem.ProblemDetailsAdvice;
import dk.greatercph.ope.platform.security.ActorMetadata;
import dk.greatercph.ope.platform.security.CurrentUser;
import dk.greatercph.ope.platform.upload.UploadFolder;
import jakarta.annotation.PreDestroy;
import jakarta.validation.Validator;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.MethodParameter;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.bind.MethodArgumentNotValidException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Imports the desk's earlier records: a file is kept aside while it is hashed, checked as CSV, then read line by
 * line by one background run, each line judged by the same reader, validation and command as
 * {@code POST /api/delegations}. A real run records each valid line as an ordinary registration, its events marked
 * as imported; a line of a file is recorded at most once, as the delegation id derived from the file's hash and the
 * line number, so a run that ends midway is resumed by importing the same file again.
 */
@Component
class Imports {

    private static final Logger log = LoggerFactory.getLogger(Imports.class);

    /** How long a stopped run keeps trying to be marked failed while the database is away. */
    static final Duration FINISH_PATIENCE = Duration.ofMinutes(5);
    private static final int PROGRESS_EVERY = 20;

    private final ImportStore store;
    private final CommandGateway commands;
    private final EventStore events;
    private final ProblemDetailsAdvice problems;
    private final SpringValidatorAdapter validator;
    private final JsonMapper strict;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "ope-import");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    /** The files of runs handed to the runner and not yet finished: a run still queued at shutdown never starts. */
    private final Set<Path> queuedFiles = ConcurrentHashMap.newKeySet();
    private final Map<String, String> realRunByFile = new ConcurrentHashMap<>();
    private final ApplicationContext context;
    private final UploadFolder uploads;

    Imports(ImportStore store, CommandGateway commands, EventStore events, ProblemDetailsAdvice problems,
            Validator validator, JsonMapper json, ApplicationContext context, UploadFolder uploads) {
        this.context = context;
        this.uploads = uploads;
        this.store = store;
        this.commands = commands;
        this.events = events;
        this.problems = problems;
        this.validator = new SpringValidatorAdapter(validator);
        this.strict = CanonicalJson.strict(json);
    }

    /** A run as started (or, for a file already imported in full, the run that imported it). */
    record Started(ImportView run, boolean isNew) {
    }

    /** A file that could not be read in full from its sender. */
    static final class UnreadableUpload extends IOException {
        UnreadableUpload(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /**
     * Keeps the posted file aside, checks it, and starts a run of it; a real run of a file imported in full before
     * answers with that earlier run instead.
     */
    Started start(InputStream body, boolean dryRun, CurrentUser user) throws IOException {
        Path file = uploads.newFile("ope-import-", ".csv");
        boolean handedOver = false;
        try {
            long bytes;
            try (OutputStream out = Files.newOutputStream(file)) {
                bytes = transfer(body, out);
            }
            String hash;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
                hash = canonicalSha256(in);
            }
            CsvLayout layout;
            try {
                layout = CsvLayout.of(file);
            } catch (CharacterCodingException e) {
                throw new InvalidInput(ImportProblem.INVALID_ENCODING, "file", "is not UTF-8 text");
            }
            int total = count(layout, file);
            Started started = claim(hash, dryRun, user, bytes, total);
            if (started.isNew()) {
                String id = started.run().id();
                queuedFiles.add(file);
                runner.execute(() -> {
                    try {
                        run(id, hash, dryRun, layout, file, user);
                    } finally {
                        running.remove(id);
                        realRunByFile.remove(hash, id);
                        delete(file);
                        queuedFiles.remove(file);
                    }
                });
                handedOver = true;
            }
            return started;
        } finally {
            if (!handedOver) {
                delete(file);
            }
        }
    }

    Optional<ImportView> find(String id, int after, int limit) {
        return store.find(id, after, limit);
    }

    /** Runs left RUNNING by a process that ended are over: this process runs the imports from now on. */
    @EventListener(ApplicationReadyEvent.class)
    void interruptRunsOfEndedProcesses() {
        int interrupted = store.interruptAllRunning();
        if (interrupted > 0) {
            log.warn("{} import run(s) ended with their process; importing the same file again resumes each", interrupted);
        }
    }

    /**
     * Stops the run in progress after its current line, as the application begins to close: before the command bus
     * stops, which would otherwise refuse the lines still read as internal errors. A run stopped so, or still
     * waiting, stays RUNNING until the next start marks it interrupted; importing the file again resumes it.
     */
    @EventListener
    void stopBeforeTheCommandBus(ContextClosedEvent closed) {
        if (closed.getApplicationContext() == context) {
            stop();
        }
    }

    /** The files of runs still waiting go with them. */
    @PreDestroy
    void stop() {
        runner.shutdownNow();
        try {
            if (!runner.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("An import run did not stop within 5 s of the application's closing");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        queuedFiles.forEach(Imports::delete);
    }

    private synchronized Started claim(String hash, boolean dryRun, CurrentUser user, long bytes, int total) {
        if (!dryRun) {
            String active = realRunByFile.get(hash);
            if (active != null) {
                return new Started(store.find(active).orElseThrow(), false);
            }
            store.interruptStale(hash, running);
            Optional<ImportView> latest = store.latestRealRun(hash);
            if (latest.isPresent() && latest.get().state() == ImportState.DONE) {
                return new Started(latest.get(), false);
            }
        }
        String id = "IMP-" + UUID.randomUUID();
        store.start(id, hash, dryRun, user.name(), bytes, total);
        running.add(id);
        if (!dryRun) {
            realRunByFile.put(hash, id);
        }
        return new Started(store.find(id).orElseThrow(), true);
    }

    /** The records in the file; a file that is not well-formed CSV in UTF-8 is refused whole, before any line. */
    private static int count(CsvLayout layout, Path file) throws IOException {
        int records = 0;
        CSVParser parser = layout.parser(file);
        try (parser) {
            for (CSVRecord record : parser) {
                if (!CsvLayout.isBlank(record)) {
                    records++;
                }
            }
        } catch (UncheckedIOException | IOException e) {
            Throwable cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
            long line = parser.getCurrentLineNumber() + 1;
            if (cause instanceof CharacterCodingException) {
                throw new InvalidInput(ImportProblem.INVALID_ENCODING, "file", "is not UTF-8 text");
            }
            if (cause instanceof BoundedLines.LineTooLong tooLong) {
                throw CsvLayout.tooLong(tooLong);
            }
            throw new InvalidInput(ImportProblem.MALFORMED_CSV, "file", "is not well-formed CSV (near line " + line + ")");
        }
        return records;
    }

    private void run(String id, String hash, boolean dryRun, CsvLayout layout, Path file, CurrentUser user) {
        ImportStore.Counts counts = new ImportStore.Counts();
        long began = System.nanoTime();
        ImportLineView judged = null;
        try {
            Map<Integer, String> recorded = store.recordedLines(hash);
            // a dry run records nothing, so a later line repeating an earlier one finds nothing recorded: it was
            // counted twice where the real run finds the first line's delegation (ALREADY_RECORDED)
            java.util.Set<String> wouldRecord = new java.util.HashSet<>();
            try (CSVParser parser = layout.parser(file)) {
                long previousEnd = parser.getCurrentLineNumber();
                Iterator<CSVRecord> records = parser.iterator();
                while (records.hasNext()) {
                    CSVRecord record = records.next();
                    int line = (int) previousEnd + 1;
                    previousEnd = parser.getCurrentLineNumber();
                    if (CsvLayout.isBlank(record)) {
                        continue;
                    }
                    if (Thread.currentThread().isInterrupted()) {
                        return;
                    }
                    judged = null;
                    ImportLineView outcome = judge(id, hash, dryRun, layout, record, line, recorded, user);
                    boolean repeat = outcome.outcome() == LineOutcome.WOULD_RECORD
                            && !wouldRecord.add(outcome.delegationId());
                    if (repeat) {
                        outcome = new ImportLineView(line, LineOutcome.ALREADY_RECORDED, outcome.delegationId(), null,
                                null, null);
                    }
                    judged = outcome;
                    if (Thread.currentThread().isInterrupted() && outcome.outcome() == LineOutcome.REFUSED) {
                        // refused because the application is closing (its command interrupted), not for what it
                        // says: not noted, so that importing the file again judges it anew
                        return;
                    }
                    store.line(id, hash, outcome, !repeat);
                    judged = null;
                    counted(counts, outcome);
                    if (counts.read % PROGRESS_EVERY == 0) {
                        store.progress(id, counts);
                    }
                }
            }
            store.finish(id, counts, ImportState.DONE, null, null);
            log.info("Import {} of file {} done in {} ms: {} lines, {} {}, {} already recorded, {} refused", id, hash,
                    (System.nanoTime() - began) / 1_000_000, counts.read, counts.recorded,
                    dryRun ? "would be recorded" : "recorded", counts.already, counts.refused);
        } catch (RunStopped stopped) {
            log.warn("Import {} stopped after {} lines: {}", id, counts.read, stopped.problem.getDetail());
            finishOnceReachable(id, hash, counts, null, code(stopped.problem), stopped.problem.getDetail());
        } catch (RuntimeException | IOException e) {
            if (e instanceof RuntimeException failed && DatabaseFailures.isUnavailable(failed)) {
                // the database went away while a line was noted (its command may have committed): the database's
                // absence, as when a command meets it, not an incident; the line is noted once it is back
                log.warn("Import {} stopped after {} lines: the database went away ({})", id, counts.read,
                        failed.toString());
                finishOnceReachable(id, hash, counts, judged, DatabaseProblem.DATABASE_UNAVAILABLE.name(),
                        "The database could not be reached; import the file again to resume.");
                return;
            }
            String incident = UUID.randomUUID().toString();
            log.error("Import {} failed, incident {}", id, incident, e);
            finishOnceReachable(id, hash, counts, null, "INTERNAL_ERROR",
                    "The run stopped unexpectedly; quote incident " + incident + ". Import the file again to resume.");
        }
    }

    private static void counted(ImportStore.Counts counts, ImportLineView line) {
        counts.read++;
        switch (line.outcome()) {
            case RECORDED, WOULD_RECORD -> counts.recorded++;
            case ALREADY_RECORDED -> counts.already++;
            case REFUSED -> counts.refused++;
        }
    }

    /**
     * Marks the run failed, trying again while the database is away (a run stops so when it goes away), for up to
     * {@link #FINISH_PATIENCE}; any other failure is logged at once. Before, the one try failed with it and the run said RUNNING until the next run of
     * the file, so a client polling for its end polled for ever. Runs are handled one at a time, so the next waits.
     */
    private void finishOnceReachable(String id, String hash, ImportStore.Counts counts, ImportLineView unnoted,
                                     String code, String detail) {
        long giveUp = System.nanoTime() + FINISH_PATIENCE.toNanos();
        long pause = 250;
        ImportLineView pending = unnoted;
        while (true) {
            try {
                if (pending != null) {
                    // judged, its command perhaps committed, but not noted when the database went away: the run's
                    // report left out a line that a new run then found recorded
                    store.line(id, hash, pending);
                    counted(counts, pending);
                    pending = null;
                }
                store.finish(id, counts, ImportState.FAILED, code, detail);
                return;
            } catch (RuntimeException failed) {
                // only the database's absence is worth waiting out; trying again would not help anything else
                if (!DatabaseFailures.isUnavailable(failed) || System.nanoTime() > giveUp
                        || Thread.currentThread().isInterrupted()) {
                    log.warn("Import {} could not be marked failed ({}); a new run of the file marks it interrupted",
                            id, failed.toString());
                    return;
                }
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            pause = Math.min(pause * 2, 5_000);
        }
    }

    ImportLineView judge(String runId, String hash, boolean dryRun, CsvLayout layout, CSVRecord record,
                                 int line, Map<Integer, String> recorded, CurrentUser user) {
        if (recorded.containsKey(line)) {
            return new ImportLineView(line, LineOutcome.ALREADY_RECORDED, recorded.get(line), null, null, null);
        }
        if (record.size() != layout.columns()) {
            String message = "has " + record.size() + " cells; the header names " + layout.columns() + " columns";
            return refused(line, ImportProblem.CELL_COUNT.name(), "Line " + line + " " + message + ".",
                    List.of(new ImportLineView.FieldProblem("line", message)));
        }
        DelegationId delegation = null;
        try {
            // every field that cannot be read, as the API names them, not only the first
            RegisterDelegationRequest request = RemainingInputErrors.read(strict, layout.asRequest(record, strict),
                    RegisterDelegationRequest.class);
            BeanPropertyBindingResult binding = new BeanPropertyBindingResult(request, "registerDelegationRequest");
            validator.validate(request, binding);
            if (binding.hasErrors()) {
                throw new MethodArgumentNotValidException(REQUEST, binding);
            }
            delegation = delegationFor(request);
            // recorded before: by this file's run that ended between recording a line and noting it, by another
            // file with the same line (a corrected sheet, an overlapping year), or by an earlier line of this file
            if (events.lastSequenceNumberFor(delegation.value()).isPresent()) {
                return new ImportLineView(line, LineOutcome.ALREADY_RECORDED, delegation.value(), null, null, null);
            }
            RegisterDelegationCommand command = request.toCommand(delegation);
            Map<String, Object> metadata = new HashMap<>();
            metadata.put(ActorMetadata.ACTOR, user.name());
            metadata.put(ActorMetadata.ROLE, user.role().name());
            metadata.put(ActorMetadata.IMPORTED, true);
            metadata.put(ActorMetadata.IMPORT_FILE, hash);
            metadata.put(ActorMetadata.IMPORT_LINE, line);
            metadata.put(ActorMetadata.IMPORT_ID, runId);
            if (dryRun) {
                metadata.put(ImportConfiguration.DRY_RUN, true);
            }
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metadata));
            if (dryRun) {
                throw new IllegalStateException("a dry run's command was not rolled back");
            }
            return new ImportLineView(line, LineOutcome.RECORDED, delegation.value(), null, null, null);
        } catch (Exception e) {
            if (dryRun && delegation != null && ImportConfiguration.DRY_RUN_PASSED.equals(codeOf(e))) {
                return new ImportLineView(line, LineOutcome.WOULD_RECORD, delegation.value(), null, null, null);
            }
            if (!dryRun && delegation != null && isDuplicate(e)) {
                return new ImportLineView(line, LineOutcome.ALREADY_RECORDED, delegation.value(), null, null, null);
            }
            ProblemDetail problem = problems.problemFor(e);
            if (problem.getStatus() == 503) {
                throw new RunStopped(problem);
            }
            return refused(line, code(problem), problem.getDetail(), errors(problem));
        }
    }

    /**
     * The delegation an imported line is recorded as: the same for the same request in any file, compared as people
     * read it (each text without case, surrounding or repeated spaces; the themes in any order). It was the file's
     * hash and the line's number: the same history in a file with one trailing space more recorded every line again,
     * and counted each twice in the KPIs.
     */
    static DelegationId delegationFor(RegisterDelegationRequest request) {
        String content = java.util.stream.Stream.of(request.channel(), request.requestingOrganisation(),
                        request.originProvince(), request.originCity(), request.delegationType(),
                        request.politicalLevel(), request.headCount(), request.wishedFrom(), request.wishedTo(),
                        request.themes() == null ? null : new java.util.TreeSet<>(request.themes()), request.purpose(),
                        request.businessOpportunity(), request.country() == null ? "CN" : request.country(), request.dateReceived())
                .map(value -> value == null ? "" : dk.greatercph.ope.platform.input.ReadAlike.key(value.toString()))
                .collect(java.util.stream.Collectors.joining("\u001f"));
        return new DelegationId("DEL-" + UUID.nameUUIDFromBytes(("import:" + content).getBytes(StandardCharsets.UTF_8)));
    }


    private static ImportLineView refused(int line, String code, String detail,
                                          List<ImportLineView.FieldProblem> errors) {
        return new ImportLineView(line, LineOutcome.REFUSED, null, code, detail, errors);
    }

    private static String code(ProblemDetail problem) {
        Object code = problem.getProperties() == null ? null : problem.getProperties().get("code");
        return code == null ? "INTERNAL_ERROR" : code.toString();
    }

    private static List<ImportLineView.FieldProblem> errors(ProblemDetail problem) {
        Object errors = problem.getProperties() == null ? null : problem.getProperties().get("errors");
        if (!(errors instanceof List<?> list)) {
            return null;
        }
        return list.stream().filter(Map.class::isInstance).map(Map.class::cast)
                .map(error -> new ImportLineView.FieldProblem(String.valueOf(error.get("field")),
                        String.valueOf(error.get("message"))))
                .toList();
    }

    private static String codeOf(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof DomainProblem problem) {
                return problem.details().code();
            }
            if (c instanceof CommandExecutionException failed) {
                Optional<Object> details = failed.getDetails();
                if (details.isPresent() && details.get() instanceof DomainProblem.Details d) {
                    return d.code();
                }
            }
        }
        return null;
    }

    private static boolean isDuplicate(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof AggregateStreamCreationException || c instanceof DuplicateKeyException) {
                return true;
            }
        }
        return false;
    }

    private static long transfer(InputStream in, OutputStream out) throws UnreadableUpload {
        try {
            return in.transferTo(out);
        } catch (IOException e) {
            throw new UnreadableUpload(e);
        }
    }

    /**
     * The file's identity: the SHA-256 of its bytes without a leading UTF-8 byte-order mark and with every line end
     * (CRLF or CR) written as LF, so that a sheet saved again with other line ends or a BOM is the same file, and
     * its lines are recorded once.
     */
    static String canonicalSha256(InputStream in) throws IOException {
        MessageDigest sha256 = sha256();
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        in.mark(3);
        if (!Arrays.equals(in.readNBytes(3), bom)) {
            in.reset();
        }
        byte[] buffer = new byte[64 * 1024];
        boolean afterCarriageReturn = false;
        for (int n; (n = in.read(buffer)) > 0; ) {
            int run = 0;
            for (int i = 0; i < n; i++) {
                byte b = buffer[i];
                if (b == '\r' || (b == '\n' && afterCarriageReturn)) {
                    sha256.update(buffer, run, i - run);
                    if (b == '\r') {
                        sha256.update((byte) '\n');
                    }
                    run = i + 1;
                }
                afterCarriageReturn = b == '\r';
            }
            sha256.update(buffer, run, n - run);
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the import file {}: {}", file, e.toString());
        }
    }

    /** A failure that is no line's fault: the run stops, and a new run of the file resumes it. */
    private static final class RunStopped extends RuntimeException {
        private final ProblemDetail problem;

        RunStopped(ProblemDetail problem) {
            super(problem.getDetail());
            this.problem = problem;
        }
    }

    private static final MethodParameter REQUEST;

    static {
        try {
            REQUEST = new MethodParameter(Imports.class.getDeclaredMethod("asRegistration",
                    RegisterDelegationRequest.class), 0);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The parameter that invalid fields of a line are reported against, as for the API's request body. */
    @SuppressWarnings("unused")
    private static void asRegistration(RegisterDelegationRequest request) {
    }
}
