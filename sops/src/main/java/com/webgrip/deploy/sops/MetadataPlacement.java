package com.webgrip.deploy.sops;

import com.webgrip.deploy.sops.store.Flattener;
import com.webgrip.deploy.sops.store.Store;
import com.webgrip.deploy.sops.tree.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes the {@code sops} metadata out of loaded documents, and puts it into documents to write,
 * as each store's layout says (sops's {@code ExtractMetadata} / {@code SerializeMetadata}).
 */
final class MetadataPlacement {
    static final String KEY = "sops";
    private static final String PREFIX = "sops_";

    private MetadataPlacement() {}

    /** The documents without metadata, and the metadata mapping. */
    record Split(List<Node.Mapping> documents, Node.Mapping metadata) {}

    static Split extract(List<Node.Mapping> documents, Store store, String source) throws SopsException {
        List<Node.Mapping> out = new ArrayList<>(documents.size());
        Node.Mapping metadata = null;
        switch (store.metadataLayout()) {
            case NESTED, FLATTENED_SECTION -> {
                for (int d = 0; d < documents.size(); d++) {
                    List<Node.MapItem> items = new ArrayList<>();
                    for (Node.MapItem item : documents.get(d).items()) {
                        if (item instanceof Node.Entry e && e.key().equals(KEY)) {
                            if (d == 0) {
                                if (metadata != null) {
                                    throw new SopsFormatException(source + ": found a duplicate sops entry");
                                }
                                if (!(e.value() instanceof Node.Mapping m)) {
                                    throw new SopsFormatException(source + ": the sops entry is not a mapping");
                                }
                                metadata = m;
                            }
                        } else {
                            items.add(item);
                        }
                    }
                    out.add(new Node.Mapping(items));
                }
                if (metadata != null && store.metadataLayout() == Store.MetadataLayout.FLATTENED_SECTION) {
                    metadata = Flattener.unflatten(unescape(metadata, store.escapesMetadataNewlines()));
                }
            }
            case FLATTENED_PREFIXED -> {
                List<Node.MapItem> flat = new ArrayList<>();
                for (int d = 0; d < documents.size(); d++) {
                    List<Node.MapItem> items = new ArrayList<>();
                    for (Node.MapItem item : documents.get(d).items()) {
                        if (d == 0 && item instanceof Node.Entry e && e.key().startsWith(PREFIX)) {
                            flat.add(new Node.Entry(e.key().substring(PREFIX.length()), e.value()));
                        } else {
                            items.add(item);
                        }
                    }
                    out.add(new Node.Mapping(items));
                }
                if (!flat.isEmpty()) {
                    metadata = Flattener.unflatten(new Node.Mapping(flat));
                }
            }
        }
        if (metadata == null) {
            throw new SopsMetadataNotFoundException(
                    source + ": sops metadata not found; the file is not encrypted by sops");
        }
        return new Split(out, metadata);
    }

    private static Node.Mapping unescape(Node.Mapping flat, boolean escapes) {
        if (!escapes) {
            return flat;
        }
        List<Node.MapItem> items = new ArrayList<>();
        for (Node.Entry e : flat.entries()) {
            Node v = e.value() instanceof Node.Str s ? new Node.Str(s.value().replace("\\n", "\n")) : e.value();
            items.add(new Node.Entry(e.key(), v));
        }
        return new Node.Mapping(items);
    }

    /** The documents with the metadata placed in each (YAML: every document, as sops does). */
    static List<Node.Mapping> place(List<Node.Mapping> documents, Node.Mapping metadata, Store store)
            throws SopsException {
        List<Node.MapItem> extra = new ArrayList<>();
        switch (store.metadataLayout()) {
            case NESTED -> extra.add(new Node.Entry(KEY, metadata));
            case FLATTENED_SECTION -> {
                List<Node.MapItem> flat = new ArrayList<>();
                for (Node.Entry e : Flattener.flatten(metadata, "").entries()) {
                    Node v = e.value();
                    if (store.escapesMetadataNewlines() && v instanceof Node.Str s) {
                        v = new Node.Str(s.value().replace("\n", "\\n"));
                    }
                    flat.add(new Node.Entry(e.key(), v));
                }
                extra.add(new Node.Entry(KEY, new Node.Mapping(flat)));
            }
            case FLATTENED_PREFIXED ->
                extra.addAll(Flattener.flatten(metadata, PREFIX).items());
        }
        List<Node.Mapping> out = new ArrayList<>(documents.size());
        for (Node.Mapping document : documents) {
            for (Node.Entry e : document.entries()) {
                boolean reserved = store.metadataLayout() == Store.MetadataLayout.FLATTENED_PREFIXED
                        ? e.key().startsWith(PREFIX)
                        : e.key().equals(KEY);
                if (reserved) {
                    throw new SopsFormatException(
                            "the key \"" + e.key() + "\" is reserved for sops metadata; rename it");
                }
            }
            List<Node.MapItem> items = new ArrayList<>(document.items());
            items.addAll(extra);
            out.add(new Node.Mapping(items));
        }
        return out;
    }
}
