------------------------- MODULE MCBatchSubmission -------------------------
(* Constant values for the TLC models of BatchSubmission. *)
EXTENDS BatchSubmission, TLC
\* The honest members other than the producer are interchangeable, and so are the Byzantine ones.
MCSymmetry == Permutations(Honest \ {Producer}) \cup Permutations(Byz)
=============================================================================
