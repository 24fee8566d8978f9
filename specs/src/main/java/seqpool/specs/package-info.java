/**
 * TLA+ model checking and trace validation for seqpool. {@link seqpool.specs.tlc} runs TLC on the committed models
 * (in a child JVM, since TLC calls {@code System.exit}); {@link seqpool.specs.trace} turns an implementation trace
 * (ndjson, DESIGN.md §5) into a TLA+ module and asks TLC whether it is a behaviour of the spec.
 */
package seqpool.specs;
