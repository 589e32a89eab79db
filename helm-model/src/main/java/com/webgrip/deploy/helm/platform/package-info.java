/**
 * The platform's numbered chart folders under {@code ops/helm/} ({@code NNN-name}), their
 * {@code webgrip.com/needs}, {@code webgrip.com/release} and {@code webgrip.com/namespace} annotations, and Helm's
 * release name rules. The core module builds its platform and chart graph on
 * {@link com.webgrip.deploy.helm.platform.PlatformCharts#scan}.
 */
package com.webgrip.deploy.helm.platform;
