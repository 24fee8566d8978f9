---------------------------- MODULE MCModuleRollout ----------------------------
(* Constant values for the TLC models of ModuleRollout. *)
EXTENDS ModuleRollout, TLC
\* The nodes are interchangeable.
MCSymmetry == Permutations(Nodes)
=============================================================================
