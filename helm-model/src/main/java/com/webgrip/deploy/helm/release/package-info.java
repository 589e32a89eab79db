/**
 * Helm releases: {@link com.webgrip.deploy.helm.release.Release} and its nine statuses, a
 * {@link com.webgrip.deploy.helm.release.ReleaseHistory} with the last known good revision, and the
 * {@link com.webgrip.deploy.helm.release.ReleaseCodec} of Helm 3's release Secrets and ConfigMaps.
 */
package com.webgrip.deploy.helm.release;
