package dk.greatercph.ope.platform.problem;

import dk.greatercph.ope.platform.input.CanonicalJson;
import dk.greatercph.ope.platform.input.InputProblem;
import dk.greatercph.ope.platform.input.Utf8Body;
import dk.greatercph.ope.platform.input.InvalidInput;
import dk.greatercph.ope.platform.input.RemainingInputErrors;
import dk.greatercph.ope.platform.input.UnreadableParameters;
import dk.greatercph.ope.platform.database.DatabaseFailures;
import dk.greatercph.ope.platform.database.DatabaseProblem;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.hibernate.validator.engine.HibernateConstraintViolation;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.queryhandling.QueryExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.util.DisconnectedClientHelper;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns every error into {@code application/problem+json} with a stable {@code code}, and for bad input the
 * names of the offending fields. Never leaks a stack trace: an unexpected error is logged with an incident id
 * that the response names.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private org.springframework.beans.factory.ObjectProvider<dk.greatercph.ope.platform.database.DatabaseAvailability>
            availability;

    private org.springframework.beans.factory.ObjectProvider<Validator> validator;

    /** Validates what a body reads as without the fields it could not be read in ({@link RemainingInputErrors}). */
    @org.springframework.beans.factory.annotation.Autowired
    void setValidator(org.springframework.beans.factory.ObjectProvider<Validator> validator) {
        this.validator = validator;
    }

    /** Told of writes refused for want of resources, which its probe cannot see (readiness). */
    @org.springframework.beans.factory.annotation.Autowired
    void setAvailability(org.springframework.beans.factory.ObjectProvider<
            dk.greatercph.ope.platform.database.DatabaseAvailability> availability) {
        this.availability = availability;
    }

    @ExceptionHandler(DomainProblem.class)
    ResponseEntity<Object> domainProblem(DomainProblem problem) {
        return respond(problem.details());
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<Object> commandFailed(CommandExecutionException e) {
        return e.getDetails()
                .filter(DomainProblem.Details.class::isInstance)
                .map(DomainProblem.Details.class::cast)
                .map(this::respond)
                .orElseGet(() -> e.getCause() instanceof DomainProblem problem
                        ? respond(problem.details())
                        : unexpected(e));
    }

    @ExceptionHandler(QueryExecutionException.class)
    ResponseEntity<Object> queryFailed(QueryExecutionException e) {
        return e.getDetails()
                .filter(DomainProblem.Details.class::isInstance)
                .map(DomainProblem.Details.class::cast)
                .map(this::respond)
                .orElseGet(() -> unexpected(e));
    }

    /**
     * No aggregate of the kind asked for has this id: none at all, or one of another kind (a delegation's id given to
     * a trip's command), whose events leave the aggregate asked for without an id.
     */
    @ExceptionHandler({AggregateNotFoundException.class, IncompatibleAggregateException.class})
    ResponseEntity<Object> aggregateNotFound(RuntimeException e) {
        return problem(GeneralProblem.NOT_FOUND, "No such resource.", Map.of());
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ResponseEntity<Object> staleVersion(ConflictingAggregateVersionException e) {
        return problem(GeneralProblem.STALE_VERSION,
                "The resource has changed since the version given in If-Match.", Map.of());
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    ResponseEntity<Object> alreadyExists(AggregateStreamCreationException e) {
        return problem(GeneralProblem.ALREADY_EXISTS, "A resource with this id already exists.", Map.of());
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<Object> concurrentChange(RuntimeException e) {
        return problem(GeneralProblem.CONCURRENT_CHANGE,
                "Another change to the same resource was recorded at the same time; read it again and retry.",
                Map.of());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> badParameter(MethodArgumentTypeMismatchException e) {
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c instanceof InvalidInput invalid) {
                return invalidInput(new InvalidInput(invalid.code(), e.getName(), invalid.getMessage()));
            }
            if (c instanceof DomainProblem problem) {
                return respond(problem.details());
            }
        }
        return problem(InputProblem.INVALID_PARAMETER,
                "Parameter '" + e.getName() + "' has an invalid value.",
                Map.of("errors", List.of(fieldError(e.getName(), "invalid value"))));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolated(ConstraintViolationException e) {
        List<Map<String, String>> errors = e.getConstraintViolations().stream()
                .map(violation -> fieldError(lastNode(violation.getPropertyPath().toString()), violation.getMessage()))
                .toList();
        return problem(InputProblem.VALIDATION_FAILED, "Invalid parameters.", Map.of("errors", errors));
    }

    /**
     * Parameters Tomcat could not read, met by whatever asks for one first (an interceptor of the pages, before the
     * API's parameter check runs): refused as that check refuses them.
     */
    @ExceptionHandler({InvalidParameterException.class, InvalidFileNameException.class})
    ResponseEntity<Object> unreadableParameters(RuntimeException e) {
        return invalidInput(UnreadableParameters.refusal(e));
    }

    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<Object> invalidInput(InvalidInput e) {
        return ResponseEntity.status(e.code().status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(e.problem());
    }

    /**
     * The security firewall's refusal of a header value (e.g. a character outside ISO-8859-1 in If-Match or
     * Last-Event-ID), raised when a handler reads the header: bad input, not a fault.
     */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<Object> rejected(RequestRejectedException e) {
        return problem(InputProblem.REQUEST_REJECTED,
                "The request has a header value this service does not accept (only printable ISO-8859-1 text).",
                Map.of());
    }

    /**
     * A multipart body that cannot be parsed is bad input (one over the upload limit is answered as too large). One
     * whose parts could not be stored (the upload folder unwritable, or gone) is the server's failure, answered as
     * one with an incident: it was a 400 that blamed the client, which then did not retry.
     */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> unreadableMultipart(MultipartException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof java.nio.file.FileSystemException || cause instanceof java.io.FileNotFoundException
                    || (cause instanceof IOException && cause.getMessage() != null
                    && cause.getMessage().contains("upload location"))) { // Tomcat's, for a folder that is not one
                return unexpected(e);
            }
        }
        return problem(InputProblem.UNREADABLE_BODY,
                "The multipart body could not be read (boundary, part headers or encoding).",
                Map.of("errors", List.of(fieldError("body", "could not be read"))));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unhandled(Exception e) {
        // Spring's helper reads any EOFException or "connection reset" in the chain as the client's: a database
        // connection that died mid-command was answered 200 with no body (and kept so for its Idempotency-Key)
        if (!fromTheDatabase(e) && DisconnectedClientHelper.isClientDisconnectedException(e)) {
            // the client went away while its answer was written: nobody to answer, nothing of ours failed
            log.debug("The client disconnected: {}", e.toString());
            return null;
        }
        return unexpected(e);
    }

    /** True when a JDBC, data-access or transaction failure is in the chain: never the HTTP client's doing. */
    static boolean fromTheDatabase(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof java.sql.SQLException || cause instanceof org.springframework.dao.DataAccessException
                    || cause instanceof org.springframework.transaction.TransactionException) {
                return true;
            }
        }
        return false;
    }

    /** Whether the request being answered is a read (GET or HEAD). */
    private static boolean readOnly() {
        return org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                instanceof org.springframework.web.context.request.ServletRequestAttributes attributes
                && ("GET".equals(attributes.getRequest().getMethod()) || "HEAD".equals(attributes.getRequest().getMethod()));
    }

    /** The problem for a failure no handler names: the database away, a conflict, or an incident. Never null. */
    ResponseEntity<Object> unexpected(Exception e) {
        if (DatabaseFailures.isOutOfResources(e)) {
            log.warn("The database refused a write for want of resources: {}", e.toString());
            if (availability != null) {
                availability.ifAvailable(database -> database.writesRefused(e));
            }
            return retryLater("The database has run out of room (disk space or memory) and could not record this "
                    + "request; nothing was recorded.");
        }
        if (DatabaseFailures.isUnavailable(e)) {
            log.warn("Database unavailable while handling a request: {}", e.toString());
            return retryLater("The database became unreachable while handling this request.");
        }
        if (DatabaseFailures.isLockTimeout(e)) {
            log.warn("A lock was not granted in time while handling a request: {}", e.toString());
            return retryLater("The database was too busy to record this request in time; nothing was recorded.");
        }
        if (DatabaseFailures.isTransactionConflict(e) && readOnly()) {
            // a read the database ended to let another transaction on (a view's rebuild clearing its tables): it was
            // told "nothing was recorded" of a request that records nothing
            log.warn("A read was ended for another transaction at the same time: {}", e.toString());
            return problem(GeneralProblem.CONCURRENT_CHANGE, "The view changed while it was read (it may be being "
                    + "rebuilt); read it again.", Map.of());
        }
        if (DatabaseFailures.isTransactionConflict(e)) {
            log.warn("A transaction was ended for another at the same time while handling a request: {}", e.toString());
            return problem(GeneralProblem.CONCURRENT_CHANGE, "Another change was being recorded at the same time; "
                    + "nothing was recorded. Read the resource again and retry.", Map.of());
        }
        String incident = UUID.randomUUID().toString();
        log.error("Unexpected error, incident {}", incident, e);
        return problem(GeneralProblem.INTERNAL_ERROR,
                "An unexpected error occurred; quote incident " + incident + " when reporting it.",
                Map.of("incident", incident));
    }

    /** 503 with {@code Retry-After}: the request may be sent again as it was. */
    private ResponseEntity<Object> retryLater(String why) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "2")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(DatabaseProblem.DATABASE_UNAVAILABLE,
                        why + " Retry later (with the same Idempotency-Key, if one was sent).", Map.of()).getBody());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            if (error.contains(TypeMismatchException.class)) {
                // a query parameter bound into a record: refused by name as a single @RequestParam would be
                TypeMismatchException mismatch = error.unwrap(TypeMismatchException.class);
                return badParameter(new MethodArgumentTypeMismatchException(mismatch.getValue(),
                        mismatch.getRequiredType(), error.getField(), ex.getParameter(), mismatch.getCause()));
            }
        }
        List<FieldError> refused = ex.getBindingResult().getFieldErrors();
        // a rule's refusal names its own code beside its field, also among others: a form then says each in the
        // rule's words, where a mix answered VALIDATION_FAILED and left the rules' English messages to be guessed at
        List<Map<String, String>> errors = refused.stream()
                .map(error -> fieldError(error.getField(), messageOf(error), codeOf(error)))
                .toList();
        String fields = errors.stream().map(e -> e.get("field")).distinct().collect(Collectors.joining(", "));
        // refusals by rules that give their own code (a time that does not exist, a date out of range, a window
        // ending before it starts), all of one code: answered with it, as when they were checked after the fields
        Set<ProblemCode> own = refused.stream().map(ProblemDetailsAdvice::codeOf)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (own.size() == 1 && own.iterator().next() != null) {
            FieldError first = refused.get(0);
            return problem(own.iterator().next(), refused.size() == 1
                    ? "'" + first.getField() + "' " + messageOf(first) + "." : "Invalid fields: " + fields + ".",
                    Map.of("errors", errors));
        }
        return problem(InputProblem.VALIDATION_FAILED, "Invalid fields: " + fields + ".",
                Map.of("errors", errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        List<Map<String, String>> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> fieldError(result.getMethodParameter().getParameterName(),
                                error.getDefaultMessage())))
                .toList();
        return problem(InputProblem.VALIDATION_FAILED, "Invalid parameters.", Map.of("errors", errors));
    }

    /** A required query parameter or form part left out is refused naming it, like any other invalid input. */
    /**
     * A parameter sent in a form that cannot become what the endpoint reads (a file where a word is expected, as
     * {@code dryRun} sent as a file part of an import): the client's fault, named. Spring answers it 500, and an
     * ERROR with an incident was logged for a client's mistake.
     */
    @Override
    protected ResponseEntity<Object> handleConversionNotSupported(org.springframework.beans.ConversionNotSupportedException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        if (ex instanceof org.springframework.web.method.annotation.MethodArgumentConversionNotSupportedException parameter) {
            return problem(InputProblem.INVALID_PARAMETER, "Parameter '" + parameter.getName()
                            + "' cannot be read as a value of this endpoint (was a file sent for it?).",
                    Map.of("errors", List.of(fieldError(parameter.getName(), "cannot be read as a value"))));
        }
        return super.handleConversionNotSupported(ex, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        return missing(ex.getParameterName());
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException ex,
                                                                     HttpHeaders headers, HttpStatusCode status,
                                                                     WebRequest request) {
        return missing(ex.getRequestPartName());
    }

    private static ResponseEntity<Object> missing(String name) {
        return problem(InputProblem.VALIDATION_FAILED, "Parameter '" + name + "' is required.",
                Map.of("errors", List.of(fieldError(name, "is required"))));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        for (Throwable c = ex; c != null; c = c.getCause()) {
            if (c instanceof RequestBodyLimitFilter.BodyTooLargeException) {
                return problem(GeneralProblem.BODY_TOO_LARGE, c.getMessage(), Map.of());
            }
        }
        for (Throwable c = ex; c != null; c = c.getCause()) {
            if (c instanceof Utf8Body.NotUtf8Exception notUtf8) {
                return problem(InputProblem.MALFORMED_JSON, notUtf8.getMessage(), Map.of());
            }
        }
        Throwable cause = ex.getCause();
        if (cause instanceof RemainingInputErrors all) {
            ResponseEntity<Object> every = everyField(all);
            if (every != null) {
                return every;
            }
            cause = all.getCause();
        }
        Refusal refusal = refusal(cause);
        if (refusal != null) {
            return problem(refusal.code(), refusal.detail(),
                    Map.of("errors", List.of(fieldError(refusal.field(), refusal.message()))));
        }
        if (cause instanceof StreamReadException duplicate && duplicate.getOriginalMessage() != null
                && duplicate.getOriginalMessage().startsWith("Duplicate Object property")) {
            String field = duplicateField(duplicate);
            return problem(InputProblem.DUPLICATE_FIELD,
                    "Field '" + field + "' appears more than once.",
                    Map.of("errors", List.of(fieldError(field, "appears more than once"))));
        }
        if (cause instanceof MismatchedInputException trailing && trailing.getOriginalMessage() != null
                && trailing.getOriginalMessage().startsWith("Trailing token")) {
            // {"name":"x"} {"y":1}: not "must be a JSON object", which it was
            return problem(InputProblem.MALFORMED_JSON, "The request body holds more than one JSON value.",
                    Map.of());
        }
        if (cause instanceof MismatchedInputException wrongShape && wrongShape.getPath().isEmpty()
                && wrongShape.getTargetType() != null) {
            // well-formed JSON of another shape than the endpoint reads ([] or "x" where an object is expected)
            String expected = wrongShape.getTargetType().isArray()
                    || Collection.class.isAssignableFrom(wrongShape.getTargetType()) ? "a JSON array" : "a JSON object";
            return problem(InputProblem.INVALID_FIELD, "The request body must be " + expected + ".",
                    Map.of("errors", List.of(fieldError("body", "must be " + expected))));
        }
        if (cause instanceof JacksonException) {
            return problem(InputProblem.MALFORMED_JSON, "The request body is not well-formed JSON.",
                    Map.of());
        }
        // named as a field, as every other input problem is: a page or client marks what to fix
        return problem(InputProblem.UNREADABLE_BODY, "The request body is missing or unreadable.",
                Map.of("errors", List.of(fieldError("body", "is missing or unreadable"))));
    }

    /**
     * Every other MVC error (404, 405, 406, 413, 415 …) keeps Spring's problem and gains a code. Those Spring answers
     * 500 (an answer it could not write, a path variable a handler lacks) are faults of ours: an incident, logged.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        if (statusCode.value() == HttpStatus.INTERNAL_SERVER_ERROR.value()) {
            // an answer that could not be written because the client went away (a JSON list read half and
            // closed): Spring reports it as a message not writable, which any user could turn into incidents
            return unhandled(ex);
        }
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail detail
                && (detail.getProperties() == null || !detail.getProperties().containsKey("code"))) {
            HttpStatus status = HttpStatus.resolve(statusCode.value());
            detail.setProperty("code", status == null ? "HTTP_" + statusCode.value()
                    : status.name().toUpperCase(Locale.ROOT));
        }
        return response == null ? null : ResponseEntity.status(response.getStatusCode())
                .headers(response.getHeaders())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(response.getBody());
    }

    /**
     * The problem this advice answers for {@code e}, for a report that collects problems instead of answering one
     * (an import's refused lines): a body that could not be read (a Jackson exception), invalid fields, bad input
     * found at the edge, or a command's refusal.
     */
    public ProblemDetail problemFor(Exception e) {
        ResponseEntity<Object> response;
        if (e instanceof RemainingInputErrors all) {
            response = handleHttpMessageNotReadable(new HttpMessageNotReadableException(all.getMessage(), all,
                    new EmptyInput()), HttpHeaders.EMPTY, HttpStatus.BAD_REQUEST, null);
        } else if (e instanceof JacksonException unreadable) {
            response = handleHttpMessageNotReadable(new HttpMessageNotReadableException(unreadable.getMessage(),
                    unreadable, new EmptyInput()), HttpHeaders.EMPTY, HttpStatus.BAD_REQUEST, null);
        } else if (e instanceof MethodArgumentNotValidException invalid) {
            response = handleMethodArgumentNotValid(invalid, HttpHeaders.EMPTY, HttpStatus.BAD_REQUEST, null);
        } else if (e instanceof InvalidInput invalid) {
            response = invalidInput(invalid);
        } else if (e instanceof DomainProblem problem) {
            response = domainProblem(problem);
        } else if (e instanceof CommandExecutionException failed) {
            response = commandFailed(failed);
        } else if (e instanceof AggregateStreamCreationException exists) {
            response = alreadyExists(exists);
        } else {
            response = unexpected(e);
        }
        return (ProblemDetail) response.getBody();
    }

    private static final class EmptyInput implements org.springframework.http.HttpInputMessage {
        @Override
        public java.io.InputStream getBody() {
            return java.io.InputStream.nullInputStream();
        }

        @Override
        public HttpHeaders getHeaders() {
            return HttpHeaders.EMPTY;
        }
    }

    private ResponseEntity<Object> respond(DomainProblem.Details details) {
        return problem(HttpStatus.valueOf(details.kind().status()), details.code(), details.detail(),
                details.field() == null ? Map.of()
                        : Map.of("errors", List.of(fieldError(details.field(), details.detail()))));
    }

    static ResponseEntity<Object> problem(ProblemCode code, String detail, Map<String, Object> properties) {
        return problem(HttpStatus.valueOf(code.status()), code.name(), detail, properties);
    }

    static ResponseEntity<Object> problem(HttpStatus status, String code, String detail,
                                          Map<String, Object> properties) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setProperty("code", code);
        properties.forEach(body::setProperty);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    private static Map<String, String> fieldError(String field, String message) {
        return fieldError(field, message, null);
    }

    private static Map<String, String> fieldError(String field, String message, ProblemCode code) {
        Map<String, String> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("message", message == null ? "invalid" : message);
        if (code != null) {
            error.put("code", code.name());
        }
        return error;
    }

    private static String lastNode(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    private static String messageOf(FieldError error) {
        return error.getDefaultMessage();
    }

    /** The problem code a field check gave its refusal ({@code CopenhagenDateTime}); null for the others. */
    private static ProblemCode codeOf(FieldError error) {
        if (!error.contains(ConstraintViolation.class)) {
            return null;
        }
        ConstraintViolation<?> violation = error.unwrap(ConstraintViolation.class);
        HibernateConstraintViolation<?> hibernate = violation.unwrap(HibernateConstraintViolation.class);
        return hibernate.getDynamicPayload(ProblemCode.class);
    }

    /** A field of the body that could not be read: its code, its name, what is wrong with it, and the detail. */
    private record Refusal(ProblemCode code, String field, String message, String detail) {
    }

    /** The refusal of one field that could not be read; null when {@code cause} is not about one field. */
    private static Refusal refusal(Throwable cause) {
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            return new Refusal(InputProblem.UNKNOWN_FIELD, field, "unknown or read-only field",
                    "Field '" + field + "' is not part of this request (or may not be set by a client).");
        }
        // a repeated member is the document's fault, answered as such, not one field's value
        if (!(cause instanceof JacksonException invalid) || invalid.getPath().isEmpty() || repeatedMember(invalid)) {
            return null;
        }
        String field = path(invalid);
        if (cause instanceof CanonicalJson.InvalidTextException text) {
            return new Refusal(InputProblem.INVALID_TEXT, field, text.getOriginalMessage(),
                    "Field '" + field + "': " + text.getOriginalMessage());
        }
        if (cause instanceof CanonicalJson.DateOutOfRangeException date) {
            return new Refusal(InputProblem.DATE_OUT_OF_RANGE, field, date.getOriginalMessage(),
                    "Field '" + field + "' is " + date.getOriginalMessage());
        }
        if (cause instanceof CanonicalJson.NumberOutOfRangeException number) {
            return new Refusal(InputProblem.INVALID_FIELD, field, number.getOriginalMessage(),
                    "Field '" + field + "' " + number.getOriginalMessage() + ".");
        }
        if (cause instanceof CanonicalJson.RepeatedItemException repeated) {
            return new Refusal(InputProblem.INVALID_FIELD, field, repeated.getOriginalMessage(),
                    "Field '" + field + "' " + repeated.getOriginalMessage() + ".");
        }
        return new Refusal(InputProblem.INVALID_FIELD, field, "wrong type or format",
                "Field '" + field + "' has a value of the wrong type or format.");
    }

    /**
     * Every field the body could not be read in, and every field of what it reads as without them that bean validation
     * refuses: a form with several wrong fields was refused one field at a time. The code is the first field's; a
     * field not read is named once, not again as missing. Null when not one failure is about a field.
     */
    private ResponseEntity<Object> everyField(RemainingInputErrors all) {
        List<Map<String, String>> errors = new ArrayList<>();
        Set<String> unread = new LinkedHashSet<>();
        Refusal first = null;
        for (JacksonException failure : all.failures()) {
            Refusal refusal = refusal(failure);
            if (refusal != null && unread.add(refusal.field())) {
                first = first == null ? refusal : first;
                errors.add(fieldError(refusal.field(), refusal.message()));
            }
        }
        if (first == null) {
            return null;
        }
        Validator beans = validator == null ? null : validator.getIfAvailable();
        if (all.remainder() != null && beans != null) {
            beans.validate(all.remainder()).stream()
                    .map(violation -> fieldError(violation.getPropertyPath().toString().isEmpty() ? "body"
                            : violation.getPropertyPath().toString(), violation.getMessage()))
                    .filter(error -> unread.stream().noneMatch(field -> related(error.get("field"), field)))
                    .sorted(Comparator.comparing((Map<String, String> error) -> error.get("field")))
                    .forEach(errors::add);
        }
        // the first field's code, as when it is the only one: a client that sent one bad value among fields it
        // left out still reads the code of that value (INVALID_TEXT for a NUL), with the rest in errors[]
        String detail = errors.size() == 1 ? first.detail()
                : first.detail() + " " + (errors.size() - 1) + " more field" + (errors.size() == 2 ? " is" : "s are")
                        + " named in errors.";
        return problem(first.code(), detail, Map.of("errors", errors));
    }

    /**
     * Whether a field bean validation refuses is one that could not be read, within it, or the list or object that
     * holds it ({@code companies} "must only contain unique elements" once {@code companies[0]} and
     * {@code companies[1]} could not be read): its refusal says nothing more.
     */
    private static boolean related(String refused, String unread) {
        return refused.equals(unread) || refused.startsWith(unread + ".") || refused.startsWith(unread + "[")
                || unread.startsWith(refused + ".") || unread.startsWith(refused + "[");
    }

    private static boolean repeatedMember(JacksonException e) {
        return e instanceof StreamReadException && e.getOriginalMessage() != null
                && e.getOriginalMessage().startsWith("Duplicate Object property");
    }

    private static String duplicateField(StreamReadException e) {
        JsonParser parser = e.processor();
        if (parser != null && parser.streamReadContext() != null) {
            String pointer = parser.streamReadContext().pathAsPointer().toString();
            StringBuilder field = new StringBuilder();
            for (String segment : pointer.substring(pointer.isEmpty() ? 0 : 1).split("/")) {
                if (segment.chars().allMatch(Character::isDigit) && !segment.isEmpty()) {
                    field.append('[').append(segment).append(']');
                } else {
                    field.append(field.isEmpty() ? "" : ".").append(segment.replace("~1", "/").replace("~0", "~"));
                }
            }
            return field.toString();
        }
        return "body";
    }

    private static String path(JacksonException e) {
        return e.getPath().stream()
                .map(reference -> reference.getPropertyName() != null
                        ? reference.getPropertyName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }
}
