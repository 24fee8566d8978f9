----------------------------- MODULE MCL2Production -----------------------------
(* Constant values for the TLC models of L2Production. *)
EXTENDS L2Production, TLC
\* The honest nodes are interchangeable (the initial assignment is any producer).
MCSymmetry == Permutations(Honest)
=============================================================================
