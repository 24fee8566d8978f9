--------------------------- MODULE MCEpochRotation ---------------------------
(* Constant values for the TLC models of EpochRotation. *)
EXTENDS EpochRotation, TLC
\* Faulty validators have power 1, correct ones 2: one faulty among three genesis validators keeps
\* the faulty power below 1/3 with a small model, and quorums are counted by power, not by heads.
MCWeightedPower == [v \in Validators |-> IF v \in Faulty THEN 1 ELSE 2]
\* The correct genesis validators are interchangeable (validators are model values in the cfg).
MCSymmetry == Permutations(Genesis \ Faulty)
\* Model bound: at most MCL1Events L1 events beyond the genesis locks.
MCL1Events == 2
MCL1Bound == Cardinality(l1) <= Cardinality(Genesis) + MCL1Events
\* Safety models: a crash only takes actions away from a faulty validator, which may stay silent
\* anyway, so behaviours with crashes add nothing to a safety check.
MCNoCrash == crashed = {}
MCSafetyBound == MCL1Bound /\ MCNoCrash
=============================================================================
