/** The batch codec: the {@link seqpool.api.submitter.BatchCodec} contract over the batch format, blobs and KZG. */
package seqpool.submitter.codec;
