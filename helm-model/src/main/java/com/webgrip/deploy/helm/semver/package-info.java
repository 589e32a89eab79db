/** SemVer 2.0 versions and version constraints, read exactly as Helm 3 reads them (Masterminds/semver v3). */
package com.webgrip.deploy.helm.semver;
