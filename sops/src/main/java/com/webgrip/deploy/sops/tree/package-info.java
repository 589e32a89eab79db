/**
 * The SOPS document model: an ordered tree of {@link com.webgrip.deploy.sops.tree.Node}s that
 * keeps comments, key order and value types, with conversions to plain Java values and Jackson
 * trees ({@link com.webgrip.deploy.sops.tree.TreeConversions}).
 */
package com.webgrip.deploy.sops.tree;
