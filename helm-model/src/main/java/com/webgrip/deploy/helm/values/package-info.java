/**
 * Helm values: {@link com.webgrip.deploy.helm.values.Values} trees read as Helm reads YAML,
 * {@link com.webgrip.deploy.helm.values.UserValues} for {@code -f}, {@code --set}, {@code --set-string} and
 * {@code --set-json} merged in Helm's order, and {@link com.webgrip.deploy.helm.values.ValuesSchema} for
 * values.schema.json. Coalescing with a chart's defaults, subcharts and globals is in
 * {@link com.webgrip.deploy.helm.chart.ChartValues}.
 */
package com.webgrip.deploy.helm.values;
