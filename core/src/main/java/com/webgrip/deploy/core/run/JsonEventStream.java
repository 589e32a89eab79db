package com.webgrip.deploy.core.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Objects;

/**
 * Writes each run event as one JSON object per line: {@code {"event":"step-finished","at":"...","runId":"...",
 * "chart":"060-grafana-stack","state":"ROLLED_BACK",...}}. The fields are the event record's components.
 */
public final class JsonEventStream implements RunListener {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream out;

    /**
     * A stream to the given output.
     *
     * @param out where to write, such as standard output
     */
    public JsonEventStream(PrintStream out) {
        this.out = Objects.requireNonNull(out, "out required");
    }

    @Override
    public void onEvent(RunEvent event) {
        out.println(toJson(event));
        out.flush();
    }

    /**
     * One event as a JSON line.
     *
     * @param event the event
     * @return the JSON text, without a line end
     */
    public static String toJson(RunEvent event) {
        ObjectNode node = JSON.createObjectNode();
        node.put("event", event.kind());
        for (RecordComponent component : event.getClass().getRecordComponents()) {
            Object value;
            try {
                value = component.getAccessor().invoke(event);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + component.getName() + " of " + event.kind(), e);
            }
            put(node, component.getName(), value);
        }
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event could not be written as JSON", e);
        }
    }

    private static void put(ObjectNode node, String name, Object value) {
        if (value instanceof Integer number) {
            node.put(name, number);
        } else if (value instanceof Boolean flag) {
            node.put(name, flag);
        } else if (value instanceof List<?> list) {
            ArrayNode array = node.putArray(name);
            for (Object item : list) {
                if (item instanceof List<?> innerList) {
                    ArrayNode inner = array.addArray();
                    innerList.forEach(x -> inner.add(String.valueOf(x)));
                } else {
                    array.add(String.valueOf(item));
                }
            }
        } else {
            node.put(name, String.valueOf(value));
        }
    }
}
