package com.webgrip.deploy.sops.store;

import com.webgrip.deploy.sops.SopsFormatException;
import com.webgrip.deploy.sops.tree.Node;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * The fast path of {@link YamlReader}: builds the documents straight from SnakeYAML's parser
 * events, without composing SnakeYAML's node graph first, for input with no comment and no
 * anchor (an encrypted file in sops's layout has neither unless its author wrote them). It
 * refuses, by returning null, as soon as it meets an anchor or an alias; the caller then reads
 * the input the full way. Scalars, keys, limits and messages are those of the full path.
 */
final class YamlEventReader {
    private final StoreOptions options;
    private final String source;
    private Parser parser;
    private int documentNumber;
    private int nodes;
    private int open;

    /** Thrown inside the walk when the input needs the full reader (anchors, aliases). */
    private static final class NeedsFullReader extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NeedsFullReader() {
            super(null, null, false, false);
        }
    }

    YamlEventReader(StoreOptions options, String source) {
        this.options = options;
        this.source = source;
    }

    /** Whether the fast path may read this input: it holds no {@code #} at all, so no comment. */
    static boolean applies(byte[] content) {
        for (byte b : content) {
            if (b == '#') {
                return false;
            }
        }
        return true;
    }

    /** The documents, or null when the input needs the full reader. */
    List<Node.Mapping> read(String text, LoaderOptions loader) throws SopsFormatException {
        parser = new ParserImpl(new StreamReader(new StringReader(text)), loader);
        List<Node.Mapping> documents = new ArrayList<>();
        try {
            expect(Event.ID.StreamStart);
            while (!peekIs(Event.ID.StreamEnd)) {
                expect(Event.ID.DocumentStart);
                documentNumber = documents.size() + 1;
                nodes = 0;
                Node.Mapping document;
                try {
                    document = document(next());
                } catch (SopsFormatException e) {
                    // the full path composes a whole document before converting it: the
                    // document's syntax errors (and its nesting limit) come first
                    drainDocument();
                    throw e;
                }
                documents.add(document);
                expect(Event.ID.DocumentEnd);
            }
        } catch (NeedsFullReader e) {
            return null;
        }
        return documents;
    }

    /**
     * The next event. Keeps count of the open collections and enforces the nesting limit as
     * SnakeYAML's composer does (same exception, so the same message); refuses anchors and aliases.
     */
    private Event next() {
        Event event = parser.getEvent();
        while (event.is(Event.ID.Comment)) {
            // with comment processing on (as the full path reads), blank lines come as comment events
            event = parser.getEvent();
        }
        if (event.is(Event.ID.Alias) || (event instanceof NodeEvent n && n.getAnchor() != null)) {
            throw new NeedsFullReader();
        }
        if (event.is(Event.ID.MappingStart) || event.is(Event.ID.SequenceStart)) {
            if (++open > options.maxDepth()) {
                throw new YAMLException("Nesting Depth exceeded max " + options.maxDepth());
            }
        } else if (event.is(Event.ID.MappingEnd) || event.is(Event.ID.SequenceEnd)) {
            open--;
        }
        return event;
    }

    private boolean peekIs(Event.ID id) {
        while (parser.checkEvent(Event.ID.Comment)) {
            parser.getEvent();
        }
        return parser.checkEvent(id);
    }

    private void drainDocument() {
        while (!next().is(Event.ID.DocumentEnd)) {
            // reading on surfaces the errors the full path would meet first
        }
    }

    private void expect(Event.ID id) {
        Event event = next();
        if (!event.is(id)) {
            throw new IllegalStateException("expected a " + id + " event, got " + event.getEventId());
        }
    }

    private Node.Mapping document(Event root) throws SopsFormatException {
        if (root.is(Event.ID.MappingStart)) {
            return mapping();
        }
        if (root instanceof ScalarEvent scalar && scalar(scalar) instanceof Node.Null) {
            return Node.Mapping.EMPTY;
        }
        throw new SopsFormatException(where(root) + ": a YAML document must be a mapping; found a "
                + (root.is(Event.ID.SequenceStart) ? "sequence" : "scalar"));
    }

    private Node.Mapping mapping() throws SopsFormatException {
        List<Node.MapItem> items = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        while (!peekIs(Event.ID.MappingEnd)) {
            Event keyEvent = next();
            String key = key(keyEvent);
            if (!keys.add(key)) {
                throw new SopsFormatException(where(keyEvent) + ": duplicate key \"" + key + "\"");
            }
            items.add(new Node.Entry(key, value(next())));
        }
        next();
        return new Node.Mapping(items);
    }

    private Node value(Event event) throws SopsFormatException {
        count(event);
        if (event instanceof ScalarEvent scalar) {
            return scalar(scalar);
        }
        if (event.is(Event.ID.MappingStart)) {
            return mapping();
        }
        List<Node> items = new ArrayList<>();
        while (!peekIs(Event.ID.SequenceEnd)) {
            items.add(value(next()));
        }
        next();
        return new Node.Sequence(items);
    }

    private String key(Event keyEvent) throws SopsFormatException {
        if (keyEvent instanceof ScalarEvent scalar) {
            Node key = scalar(scalar);
            if (key instanceof Node.Str s) {
                return s.value();
            }
            throw new SopsFormatException(where(keyEvent) + ": map key \"" + scalar.getValue()
                    + "\" is not a string; sops supports only string keys (quote it)");
        }
        throw new SopsFormatException(where(keyEvent) + ": a map key must be a string scalar; found a collection");
    }

    private Node scalar(ScalarEvent event) throws SopsFormatException {
        // SnakeYAML's composer: no tag or "!" resolves (with no implicit resolvers) to str
        String tag = event.getTag();
        Tag resolved = tag == null || tag.equals("!") ? Tag.STR : new Tag(tag);
        return YamlScalars.tagged(resolved, event.getValue(), event.isPlain(), () -> where(event));
    }

    private void count(Event event) throws SopsFormatException {
        if (++nodes > options.maxNodes()) {
            throw new SopsFormatException(where(event) + ": the document expands to more than " + options.maxNodes()
                    + " nodes (an alias bomb?)");
        }
    }

    private String where(Event event) {
        Mark mark = event.getStartMark();
        String doc = documentNumber > 1 ? " (document " + documentNumber + ")" : "";
        return mark == null ? source + doc : source + doc + ": line " + (mark.getLine() + 1);
    }
}
