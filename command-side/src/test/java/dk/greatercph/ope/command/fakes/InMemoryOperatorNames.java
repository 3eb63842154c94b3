package dk.greatercph.ope.command.fakes;

import dk.greatercph.ope.command.operator.OperatorNames;
import dk.greatercph.ope.events.operator.OperatorId;
import dk.greatercph.ope.platform.input.ReadAlike;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The operators' names for fixture tests: the same contract as the JDBC one, held in memory. */
public class InMemoryOperatorNames implements OperatorNames {

    private final Map<OperatorId, String> keys = new LinkedHashMap<>();

    @Override
    public Optional<String> otherOperatorNamed(String name, OperatorId operator) {
        String key = ReadAlike.nameKey(name);
        return keys.entrySet().stream().filter(e -> !e.getKey().equals(operator) && e.getValue().equals(key))
                .map(e -> e.getKey().value()).findFirst();
    }

    @Override
    public void name(OperatorId operator, String name) {
        keys.put(operator, ReadAlike.nameKey(name));
    }
}
