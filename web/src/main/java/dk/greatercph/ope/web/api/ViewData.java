package dk.greatercph.ope.web.api;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The API's JSON as templates read it: objects become maps where a missing field reads as null (as the API leaves
 * out absent optional fields), arrays become lists, and scalars their Java values. So a template writes
 * {@code ${d.leadOperator}} whether or not the API sent the field.
 */
public final class ViewData extends LinkedHashMap<String, Object> {

    private ViewData() {
    }

    /** Every key "exists": an absent field is null, not an error, in a template expression. */
    @Override
    public boolean containsKey(Object key) {
        return key instanceof String;
    }

    /** The Java value of a JSON node. */
    public static Object of(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (node.isObject()) {
            ViewData map = new ViewData();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                map.put(field.getKey(), of(field.getValue()));
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(element -> list.add(of(element)));
            return list;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        return node.asString();
    }

    /** An empty object. */
    public static ViewData empty() {
        return new ViewData();
    }
}
