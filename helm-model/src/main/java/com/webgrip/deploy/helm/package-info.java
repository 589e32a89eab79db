/**
 * Helm's world as typed values, with no Helm binary and no cluster.
 *
 * <ul>
 *   <li>{@link com.webgrip.deploy.helm.semver}: SemVer 2.0 versions and Helm's constraint syntax;
 *   <li>{@link com.webgrip.deploy.helm.values}: value trees, {@code --set} parsing, Helm's merge of user values,
 *       values.schema.json validation;
 *   <li>{@link com.webgrip.deploy.helm.chart}: Chart.yaml, chart folders and archives, lint, and Helm's
 *       coalescing of chart defaults, subcharts and globals;
 *   <li>{@link com.webgrip.deploy.helm.platform}: numbered platform chart folders ({@code ops/helm/NNN-name});
 *   <li>{@link com.webgrip.deploy.helm.release}: releases, their history and Helm 3's release storage codec.
 * </ul>
 *
 * <p>Classes under {@code com.webgrip.deploy.helm.internal} are shared between these packages and are not API.
 */
package com.webgrip.deploy.helm;
