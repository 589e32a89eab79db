/**
 * Helm values: {@link com.webgrip.deploy.helm.values.Values} trees read as Helm reads YAML,
 * {@link com.webgrip.deploy.helm.values.UserValues} for {@code -f}, {@code --set-json}, {@code --set},
 * {@code --set-string}, {@code --set-file} and {@code --set-literal} merged in Helm's order, and
 * {@link com.webgrip.deploy.helm.values.ValuesSchema} for values.schema.json (which never loads anything from
 * outside the schema). Coalescing with a chart's defaults, subcharts and globals is in
 * {@link com.webgrip.deploy.helm.chart.ChartValues}.
 */
package com.webgrip.deploy.helm.values;
