---------------------------- MODULE MCTendermint ----------------------------
(* Constant values for the TLC models of Tendermint (TLC's .cfg files cannot *)
(* write tuples).  n = 4: n1..n3 correct, n4 Byzantine.                     *)
EXTENDS Tendermint
\* n1 proposes round 0, the Byzantine n4 round 1, n2 round 2.
MCProposerSeq == <<"n1", "n4", "n2">>
=============================================================================
