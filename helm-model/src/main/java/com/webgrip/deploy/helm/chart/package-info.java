/**
 * Helm charts: {@link com.webgrip.deploy.helm.chart.Chart} (folders and packaged archives),
 * {@link com.webgrip.deploy.helm.chart.ChartMetadata} (Chart.yaml), {@link com.webgrip.deploy.helm.chart.ChartLint}
 * (the findings {@code helm lint} gives about metadata, values and dependencies) and
 * {@link com.webgrip.deploy.helm.chart.ChartValues} (Helm's coalescing of defaults, subcharts, globals, conditions,
 * tags and import-values).
 */
package com.webgrip.deploy.helm.chart;
