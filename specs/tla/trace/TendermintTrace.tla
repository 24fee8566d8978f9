-------------------------- MODULE TendermintTrace --------------------------
(***************************************************************************)
(* Trace validation for Tendermint, one height per run (the validator      *)
(* splits a multi-height trace by height and takes the validators and      *)
(* their powers from the height's ValidatorSet event).  Events of a        *)
(* correct node must be steps of Algorithm 1; a Byzantine node's votes and *)
(* proposals must be messages it could send (they are in flight from the   *)
(* start), so two conflicting votes are accepted from a Byzantine node     *)
(* only.                                                                   *)
(***************************************************************************)
EXTENDS Tendermint, TraceData, TLC, Sequences

VARIABLE l

E == Trace[l]

TraceInit == Init /\ l = 1 /\ TLCSet(1, 0)

Match ==
  \/ E.event = "NewRound" /\ \/ E.node \in Corr /\ NewRound(E.node, E.round)
                             \/ E.node \in Faulty /\ UNCHANGED vars
  \/ E.event = "Propose" /\ \/ E.proposer \in Corr /\ Propose(E.proposer, E.round, E.value, E.validRound)
                            \/ E.proposer \in Faulty /\ UNCHANGED vars
                               /\ ProposalSent(E.proposer, E.round, E.value, E.validRound)
  \/ E.event = "Prevote" /\ \/ E.voter \in Corr /\ Prevote(E.voter, E.round, E.value)
                            \/ E.voter \in Faulty /\ PrevoteSent(E.voter, E.round, E.value) /\ UNCHANGED vars
  \/ E.event = "Precommit" /\ \/ E.voter \in Corr /\ Precommit(E.voter, E.round, E.value)
                              \/ E.voter \in Faulty /\ PrecommitSent(E.voter, E.round, E.value)
                                 /\ UNCHANGED vars
  \/ E.event = "Decide" /\ \/ E.node \in Corr /\ Decide(E.node, E.round, E.value)
                           \/ E.node \in Faulty /\ UNCHANGED vars

Hidden == \E p \in Corr, v \in Values : UpdateValid(p, round[p], v)

TraceNext ==
  \/ l <= Len(Trace) /\ Match /\ l' = l + 1
  \/ Hidden /\ UNCHANGED l

NotWholeTrace == l <= Len(Trace)
MatchedPrefix == (l - 1 > TLCGet(1)) => (TLCSet(1, l - 1) /\ PrintT(<<"matched", l - 1>>))
=============================================================================
