/**
 * Loading of C-KZG-4844 (jc-kzg-4844, package {@code ethereum.ckzg4844}) and of Ethereum's KZG trusted setup, inside
 * an OSGi framework or on a plain class path ({@link seqpool.wrap.kzg.KzgRuntime}).
 */
@Export
@Version("1.0.0")
package seqpool.wrap.kzg;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
