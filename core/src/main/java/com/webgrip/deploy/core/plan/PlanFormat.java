package com.webgrip.deploy.core.plan;

/** The ways a plan can be written out. */
public enum PlanFormat {
    /** A table for a terminal. */
    TEXT,
    /** JSON with a top-level {@code waves} array. */
    JSON,
    /** A Mermaid flowchart. */
    MERMAID,
    /** A Graphviz DOT digraph. */
    DOT
}
