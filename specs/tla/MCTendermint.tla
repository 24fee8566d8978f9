---------------------------- MODULE MCTendermint ----------------------------
(* Constant values for the TLC models of Tendermint (TLC's .cfg files cannot *)
(* write tuples).  n = 4: n1..n3 correct, n4 Byzantine.                     *)
EXTENDS Tendermint
\* the Byzantine n4 proposes round 0 (it may equivocate), n1 round 1
MCByzantineFirst == <<"n4", "n1">>
\* the correct n1 proposes round 0, the Byzantine n4 round 1
MCCorrectFirst == <<"n1", "n4">>
=============================================================================
