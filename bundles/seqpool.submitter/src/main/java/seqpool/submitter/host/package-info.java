/** The submitter's edge: Declarative Services components and their configuration. */
package seqpool.submitter.host;
