----------------------------- MODULE MCResharing -----------------------------
(* Constant values for the TLC models of Resharing. *)
EXTENDS Resharing
\* generation 1: n1..n4; a reshare moves the key to n2..n5 (n1 leaves the pool)
MCCommittees == {{"n1", "n2", "n3", "n4"}, {"n2", "n3", "n4", "n5"}}
\* small committees for the former-members models: threshold 2 of 3
MCSmallCommittees == {{"n1", "n2", "n3"}, {"n3", "n4", "n5"}}
=============================================================================
