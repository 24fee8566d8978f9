-------------------------- MODULE MCForcedInclusion --------------------------
(* Constant values for the TLC models of ForcedInclusion. *)
EXTENDS ForcedInclusion, TLC
\* The followers are interchangeable.
MCSymmetry == Permutations(Followers)
=============================================================================
