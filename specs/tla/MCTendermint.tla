---------------------------- MODULE MCTendermint ----------------------------
(***************************************************************************)
(* Constant values and reductions for the TLC models of Tendermint.        *)
(* Processes and values are TLC model values in the .cfg files.            *)
(*                                                                         *)
(* Why the reductions keep every violation of Agreement and Validity:      *)
(*  - symmetry: correct processes of equal power are interchangeable, and  *)
(*    so are the valid values when a correct proposer may propose any of   *)
(*    them (Proposable = ValidValues); the proposer schedule is part of    *)
(*    the state, so permuting processes permutes it too;                   *)
(*  - MCView: a process that has decided never acts again, so its other    *)
(*    variables are dead; validValue/validRound are read only by Propose,  *)
(*    so they are dead for a process that proposes no round it can still   *)
(*    reach;                                                               *)
(*  - MCDecideOnConflict (prunes behaviours): guards only grow with the    *)
(*    message sets, and a decision only stops the decider, so a decision   *)
(*    can always be postponed to the end of the behaviour; exploring only  *)
(*    the decisions that complete a disagreement (another value decidable  *)
(*    or decided) or decide an invalid value keeps every violation.        *)
(*  - MCByzantineProposer: a Byzantine proposer can send every proposal a  *)
(*    correct one could (all values, all valid rounds, from the start), so *)
(*    with one Byzantine process proposing every round, every decision of  *)
(*    a behaviour with any other proposer schedule stays reachable.        *)
(***************************************************************************)
EXTENDS Tendermint, TLC

\* every process has power 1: quorums of more than 2/3 of the processes
MCUnitPower == [p \in Procs |-> 1]
\* correct processes have power 2, faulty ones 1: with n1, n2 correct and n3 faulty (1/5 of the
\* power) every quorum (power >= 4) needs both correct processes, the smallest weighted model
MCWeightedPower == [p \in Procs |-> IF p \in Faulty THEN 1 ELSE 2]

\* any process proposes any round (CometBFT's models: "the proposer is arbitrary")
MCAnyProposer == [Rounds -> Procs]
\* one Byzantine process proposes every round
MCByzantineProposer == {[r \in Rounds |-> CHOOSE f \in Faulty : TRUE]}

MCSymmetry == Permutations(Corr) \cup Permutations(ValidValues)
MCSymmetryWithFaulty == Permutations(Corr) \cup Permutations(Faulty) \cup Permutations(ValidValues)

MCValidMatters(p) ==
  \E r \in Rounds : /\ proposer[r] = p
                    /\ \/ r > round[p]
                       \/ r = round[p] /\ step[p] = "propose" /\ proposals[r] = {}
MCView ==
  <<proposer, msgVars,
    [p \in Corr |-> IF decision[p] /= Nil THEN <<decision[p]>>
                    ELSE <<round[p], step[p], lockedValue[p], lockedRound[p],
                           IF MCValidMatters(p) THEN <<validValue[p], validRound[p]>> ELSE <<>> >>]>>

MCDecidable(v) == \E r \in Rounds : ProposalIn(r, v) /\ Valid(v) /\ HasQuorum(VotersFor(precommits, r, v))
MCDecideOnConflict ==
  \A p \in Corr : decision'[p] /= decision[p] =>
      \/ decision'[p] \notin ValidValues
      \/ \E w \in Values \ {decision'[p]} : MCDecidable(w) \/ \E q \in Corr : decision[q] = w
=============================================================================
