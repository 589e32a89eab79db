package com.webgrip.deploy.sops.store;

import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.comments.CommentLine;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Moves comments to the level go-yaml gives them. SnakeYAML attaches every comment line to the
 * next key, even one indented deeper than that key, which go-yaml (and so sops) treats as a foot
 * comment of the preceding, deeper mapping. The level matters: a comment's path is its
 * authenticated data. A comment indented deeper than the key that follows it goes back down into
 * the preceding collection, as deep as its column reaches.
 */
final class CommentPlacement {
    private static final int MAX_DEPTH = 10_000;

    private CommentPlacement() {}

    /** Relocates the comments of a document; every node once, however often aliases repeat it. */
    static void relocate(Node document) {
        relocate(document, 0, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
    }

    private static void relocate(Node node, int depth, java.util.Set<Node> visited) {
        if (depth > MAX_DEPTH || !visited.add(node)) {
            return;
        }
        if (node instanceof MappingNode mapping) {
            List<NodeTuple> tuples = mapping.getValue();
            for (int i = 0; i < tuples.size(); i++) {
                Node key = tuples.get(i).getKeyNode();
                if (i > 0) {
                    List<CommentLine> deeper = takeDeeper(key.getBlockComments(), column(key));
                    if (!deeper.isEmpty()) {
                        pushInto(tuples.get(i - 1).getValueNode(), deeper, depth);
                    }
                }
                relocate(tuples.get(i).getValueNode(), depth + 1, visited);
            }
            if (!tuples.isEmpty()) {
                List<CommentLine> deeper = takeDeeper(
                        mapping.getEndComments(), column(tuples.get(0).getKeyNode()));
                if (!deeper.isEmpty()) {
                    pushInto(tuples.get(tuples.size() - 1).getValueNode(), deeper, depth);
                }
            }
        } else if (node instanceof SequenceNode sequence) {
            List<Node> items = sequence.getValue();
            for (int i = 0; i < items.size(); i++) {
                Node item = items.get(i);
                if (i > 0) {
                    // the item's column is after "- ": comments deeper than the dash belong above
                    List<CommentLine> deeper = takeDeeper(item.getBlockComments(), column(item) - 2);
                    if (deeper.isEmpty()
                            && item instanceof MappingNode m
                            && !m.getValue().isEmpty()) {
                        // SnakeYAML gives the comments before "- key: ..." to that first key; one on
                        // the dash's own line ("-   # c" then the key below) is the key's, as in go-yaml
                        deeper = takeDeeper(m.getValue().get(0).getKeyNode().getBlockComments(), column(item) - 2);
                        for (int c = 0; c < deeper.size(); c++) {
                            if (onDashLine(deeper.get(c))) {
                                List<CommentLine> own = new ArrayList<>(deeper.subList(c, deeper.size()));
                                deeper.subList(c, deeper.size()).clear();
                                m.getValue()
                                        .get(0)
                                        .getKeyNode()
                                        .getBlockComments()
                                        .addAll(0, own);
                                break;
                            }
                        }
                    }
                    if (!deeper.isEmpty()) {
                        pushInto(items.get(i - 1), deeper, depth);
                    }
                }
                relocate(item, depth + 1, visited);
            }
        }
    }

    /** Whether a comment follows a sequence's dash on its line ({@code "  -   # c"}). */
    private static boolean onDashLine(CommentLine comment) {
        org.yaml.snakeyaml.error.Mark mark = comment.getStartMark();
        if (mark == null || mark.getBuffer() == null) {
            return false;
        }
        int[] buffer = mark.getBuffer();
        int i = mark.getPointer() - 1;
        while (i >= 0 && buffer[i] == ' ') {
            i--;
        }
        if (i < 0 || buffer[i] != '-') {
            return false;
        }
        i--;
        while (i >= 0 && buffer[i] == ' ') {
            i--;
        }
        return i < 0 || buffer[i] == '\n' || buffer[i] == '\r';
    }

    /** Removes and returns the leading comment lines indented deeper than {@code column}. */
    private static List<CommentLine> takeDeeper(List<CommentLine> comments, int column) {
        List<CommentLine> taken = new ArrayList<>();
        if (comments == null) {
            return taken;
        }
        while (!comments.isEmpty()
                && comments.get(0).getStartMark() != null
                && comments.get(0).getStartMark().getColumn() > column) {
            taken.add(comments.remove(0));
        }
        return taken;
    }

    /** Appends comments at the end of a collection, descending into its last item while they reach it. */
    private static void pushInto(Node target, List<CommentLine> comments, int depth) {
        List<CommentLine> here = new ArrayList<>();
        List<CommentLine> deeper = new ArrayList<>();
        Node last = null;
        int itemColumn = Integer.MAX_VALUE;
        if (target instanceof MappingNode mapping && !mapping.getValue().isEmpty()) {
            List<NodeTuple> tuples = mapping.getValue();
            itemColumn = column(tuples.get(0).getKeyNode());
            last = tuples.get(tuples.size() - 1).getValueNode();
        } else if (target instanceof SequenceNode sequence
                && !sequence.getValue().isEmpty()) {
            List<Node> items = sequence.getValue();
            itemColumn = column(items.get(0)) - 2;
            last = items.get(items.size() - 1);
        } else {
            return;
        }
        boolean lastIsCollection = last instanceof MappingNode || last instanceof SequenceNode;
        for (CommentLine c : comments) {
            int col = c.getStartMark() == null ? 0 : c.getStartMark().getColumn();
            (lastIsCollection && col > itemColumn && depth < MAX_DEPTH ? deeper : here).add(c);
        }
        if (!deeper.isEmpty()) {
            pushInto(last, deeper, depth + 1);
        }
        if (!here.isEmpty()) {
            List<CommentLine> end =
                    target.getEndComments() == null ? new ArrayList<>() : new ArrayList<>(target.getEndComments());
            end.addAll(here);
            target.setEndComments(end);
        }
    }

    private static int column(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getColumn();
    }
}
