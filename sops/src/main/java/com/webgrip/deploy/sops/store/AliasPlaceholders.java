package com.webgrip.deploy.sops.store;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ImplicitTuple;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.parser.Parser;

/**
 * A parser that hands every alias to SnakeYAML's composer as a scalar of its own, whose value is
 * the anchor's name, for the keep-anchors mode. The composer would otherwise give every alias the
 * anchored node itself, so that a comment written after an alias lands on the anchored value
 * (far away in the file) and an alias cannot be told from its anchor. A placeholder is recognized
 * by its start mark (the very object of the alias event), so that no text in the file, whatever
 * its tag, can pass for one.
 */
final class AliasPlaceholders implements Parser {
    private final Parser parser;
    private final Set<Mark> aliasMarks = Collections.newSetFromMap(new IdentityHashMap<>());
    private Event peeked;

    AliasPlaceholders(Parser parser) {
        this.parser = parser;
    }

    /** Whether a composed scalar stands for an alias; its value is then the anchor's name. */
    boolean isAlias(ScalarNode node) {
        return node.getStartMark() != null && aliasMarks.contains(node.getStartMark());
    }

    @Override
    public boolean checkEvent(Event.ID choice) {
        return peekEvent() != null && peekEvent().is(choice);
    }

    @Override
    public Event peekEvent() {
        if (peeked == null) {
            peeked = translate(parser.getEvent());
        }
        return peeked;
    }

    @Override
    public Event getEvent() {
        Event event = peekEvent();
        peeked = null;
        return event;
    }

    private Event translate(Event event) {
        if (!(event instanceof AliasEvent alias)) {
            return event;
        }
        // a fresh mark object: the alias event's own may be shared (marks are values)
        Mark mark = alias.getStartMark() == null
                ? new Mark("alias", 0, 0, 0, new int[0], 0)
                : new Mark(
                        alias.getStartMark().getName(),
                        alias.getStartMark().getIndex(),
                        alias.getStartMark().getLine(),
                        alias.getStartMark().getColumn(),
                        alias.getStartMark().getBuffer(),
                        alias.getStartMark().getPointer());
        aliasMarks.add(mark);
        return new ScalarEvent(
                null,
                null,
                new ImplicitTuple(true, false),
                alias.getAnchor(),
                mark,
                alias.getEndMark(),
                DumperOptions.ScalarStyle.PLAIN);
    }
}
