--------------------------- MODULE MCEpochRotation ---------------------------
(* Constant values for the TLC models of EpochRotation. *)
EXTENDS EpochRotation
MCUnitStake == [v \in Validators |-> 1]
=============================================================================
