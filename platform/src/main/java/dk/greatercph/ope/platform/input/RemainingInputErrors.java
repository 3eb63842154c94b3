package dk.greatercph.ope.platform.input;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Every field of a body that cannot be read, not only the first, and what the body is without them. Jackson stops at
 * the first field it cannot read ("headCount": "abc"), and bean validation never sees the rest: a form with several
 * wrong fields was refused one field at a time, each round trip naming the next. Once a body has failed, its tree is
 * read again without that field, as often as another field fails (at most {@link #MOST} times); what then reads is
 * kept, so that bean validation names the other fields too. Only the refusal's path pays for this.
 */
public final class RemainingInputErrors extends RuntimeException {

    static final int MOST = 50;

    private final transient List<JacksonException> failures;
    private final transient Object remainder;

    private RemainingInputErrors(List<JacksonException> failures, Object remainder) {
        super(failures.get(0).getMessage(), failures.get(0), false, false);
        this.failures = List.copyOf(failures);
        this.remainder = remainder;
    }

    /** The fields that could not be read, in the order met, each with its path. */
    public List<JacksonException> failures() {
        return failures;
    }

    /** The body read without those fields, for bean validation; null when it could not be read even so. */
    public Object remainder() {
        return remainder;
    }

    /**
     * {@code tree} read as {@code type}; if it cannot be, the refusal of every field that cannot (this, thrown), or the
     * first failure when that is not about one field. An import's line was refused naming its first bad field only,
     * where the same values sent to the API named them all.
     */
    public static <T> T read(JsonMapper json, JsonNode tree, Class<T> type) {
        try {
            return json.treeToValue(tree, type);
        } catch (JacksonException first) {
            RemainingInputErrors all = of(first, json.writeValueAsBytes(tree), json.constructType(type), json);
            if (all != null) {
                throw all;
            }
            throw first;
        }
    }

    /**
     * The refusal of {@code body} as {@code type}, whose reading failed with {@code first}: with the fields after it,
     * or null when {@code first} is not about one field (the JSON itself is broken, or of another shape).
     */
    static RemainingInputErrors of(JacksonException first, byte[] body, JavaType type, JsonMapper json) {
        if (first.getPath().isEmpty()) {
            return null;
        }
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (JacksonException broken) {
            return null;
        }
        List<JacksonException> failures = new ArrayList<>(List.of(first));
        List<JacksonException.Reference> taking = first.getPath();
        for (int round = 0; round < MOST; round++) {
            if (!without(tree, taking)) {
                return new RemainingInputErrors(failures, null);
            }
            try {
                return new RemainingInputErrors(failures, json.readerFor(type).readValue(tree));
            } catch (JacksonException next) {
                if (next.getPath().isEmpty() || within(taking, next.getPath())) {
                    // the null left in a list's place is refused as well (a set of enum constants): the list goes
                    if (!taking.isEmpty() && taking.get(taking.size() - 1).getPropertyName() == null) {
                        taking = taking.subList(0, taking.size() - 1);
                        continue;
                    }
                    return new RemainingInputErrors(failures, null);
                }
                failures.add(next);
                taking = next.getPath();
            }
        }
        return new RemainingInputErrors(failures, null);
    }

    /** Whether {@code path} is {@code taken} or leads to it: a failure about what was just taken out, or its list. */
    private static boolean within(List<JacksonException.Reference> taken, List<JacksonException.Reference> path) {
        if (path.size() > taken.size()) {
            return false;
        }
        for (int i = 0; i < path.size(); i++) {
            JacksonException.Reference a = taken.get(i);
            JacksonException.Reference b = path.get(i);
            if (!Objects.equals(a.getPropertyName(), b.getPropertyName())
                    || a.getPropertyName() == null && a.getIndex() != b.getIndex()) {
                return false;
            }
        }
        return true;
    }

    /** Takes the value at {@code path} out of {@code tree}: a member removed, an array's item made null. */
    private static boolean without(JsonNode tree, List<JacksonException.Reference> path) {
        JsonNode parent = tree;
        for (int i = 0; i < path.size() - 1; i++) {
            JacksonException.Reference step = path.get(i);
            parent = step.getPropertyName() != null ? parent.get(step.getPropertyName()) : parent.get(step.getIndex());
            if (parent == null) {
                return false;
            }
        }
        JacksonException.Reference last = path.get(path.size() - 1);
        if (last.getPropertyName() != null && parent instanceof ObjectNode object && object.has(last.getPropertyName())) {
            object.remove(last.getPropertyName());
            return true;
        }
        if (last.getPropertyName() == null && parent instanceof ArrayNode array && last.getIndex() >= 0
                && last.getIndex() < array.size()) {
            array.set(last.getIndex(), NullNode.getInstance());
            return true;
        }
        return false;
    }
}
