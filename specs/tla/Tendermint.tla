------------------------------ MODULE Tendermint ------------------------------
(***************************************************************************)
(* One height of Tendermint as in "The latest gossip on BFT consensus"     *)
(* (Buchman, Kwon, Milosevic 2018), Algorithm 1.  Tags such as L22 name    *)
(* the paper's lines.  Correct processes follow the algorithm; every       *)
(* message a Byzantine process could send is in flight from the start      *)
(* (it may equivocate, i.e. send several votes per round).  Messages are   *)
(* never lost: a process acts on a subset of what was sent, so the set of  *)
(* sent messages over-approximates what it has received.                   *)
(*                                                                         *)
(* Quorums are counted by voting power: 2f+1 is "more than 2/3 of the      *)
(* total power" (3 * power > 2 * total) and f+1 "more than 1/3".  The      *)
(* proposer of each round is chosen once per behaviour from Proposers (a   *)
(* model may allow any process in any round).                              *)
(*                                                                         *)
(* Action names equal the trace event names of seqpool.consensus:          *)
(* NewRound, Propose, Prevote, Precommit, Decide.                          *)
(***************************************************************************)
EXTENDS Integers, FiniteSets

CONSTANTS
  Corr,           \* correct processes
  Faulty,         \* Byzantine processes
  Power,          \* [Corr \cup Faulty -> Nat]: voting power (0: a follower, which never proposes or votes)
  ValidValues,    \* values v with valid(v)
  Proposable,     \* the values getValue() of a correct proposer may return (a subset of ValidValues)
  InvalidValues,  \* values a Byzantine proposer may propose, valid(v) = FALSE
  MaxRound,       \* rounds 0..MaxRound are explored
  Proposers,      \* the possible proposer schedules, a set of functions [0..MaxRound -> Corr \cup Faulty]
  Mutant          \* "none", or the name of the rule deliberately weakened

Procs  == Corr \cup Faulty
Rounds == 0..MaxRound
Nil    == "nil"
Values == ValidValues \cup InvalidValues
Valid(v) == IF Mutant = "NoValidCheck" THEN v \in Values ELSE v \in ValidValues

RECURSIVE SumOver(_)
SumOver(P) == IF P = {} THEN 0 ELSE LET q == CHOOSE x \in P : TRUE IN Power[q] + SumOver(P \ {q})
TotalPower == SumOver(Procs)
\* 2f+1: more than 2/3 of the power; the mutant WeakQuorum accepts half of it (2f of n = 3f+1).
HasQuorum(P) == IF Mutant = "WeakQuorum" THEN 2 * SumOver(P) >= TotalPower
                                          ELSE 3 * SumOver(P) > 2 * TotalPower
\* f+1: more than 1/3 of the power (at least one correct process).
HasOneThird(P) == 3 * SumOver(P) > TotalPower

ASSUME Corr \cap Faulty = {} /\ Nil \notin Values /\ Proposable \subseteq ValidValues
ASSUME Power \in [Procs -> Nat] /\ TotalPower > 0
ASSUME Proposers /= {} /\ Proposers \subseteq [Rounds -> Procs]

VARIABLES
  proposer,                     \* the proposer of each round (fixed in a behaviour)
  round, step, decision,        \* per correct process
  lockedValue, lockedRound,
  validValue, validRound,
  proposals,                    \* proposals[r]: the proposals of round r, [value, validRound]
  prevotes, precommits          \* prevotes[r][q]: the values q prevoted in round r (a correct q: at most one)

msgVars == <<proposals, prevotes, precommits>>
vars == <<proposer, round, step, decision, lockedValue, lockedRound, validValue, validRound, msgVars>>

Proposal(v, vr) == [value |-> v, validRound |-> vr]

\* Votes and proposals as messages (trace validation and readers of the counterexamples).
ProposalSent(p, r, v, vr) == proposer[r] = p /\ Proposal(v, vr) \in proposals[r]
PrevoteSent(p, r, v)      == v \in prevotes[r][p]
PrecommitSent(p, r, v)    == v \in precommits[r][p]

VoteValues == ValidValues \cup {Nil}
\* What a Byzantine process has sent from the start: every vote, and every proposal in its rounds.
FaultyProposals(r) == IF proposer[r] \in Faulty
                      THEN { Proposal(v, vr) : v \in Values, vr \in -1..(r - 1) } ELSE {}
InitVotes == [r \in Rounds |-> [q \in Procs |-> IF q \in Faulty THEN VoteValues ELSE {}]]

\* senders of votes in round r (for value v)
Voters(votes, r)      == { q \in Procs : votes[r][q] /= {} }
VotersFor(votes, r, v) == { q \in Procs : v \in votes[r][q] }
\* processes that sent any message of round r (L55)
SendersIn(r) == Voters(prevotes, r) \cup Voters(precommits, r)
                \cup (IF proposals[r] /= {} THEN {proposer[r]} ELSE {})
ProposalIn(r, v) == \E vr \in -1..(r - 1) : Proposal(v, vr) \in proposals[r]

TypeOK ==
  /\ proposer \in Proposers
  /\ round \in [Corr -> Rounds]
  /\ step \in [Corr -> {"propose", "prevote", "precommit"}]
  /\ decision \in [Corr -> Values \cup {Nil}]
  /\ lockedValue \in [Corr -> Values \cup {Nil}] /\ validValue \in [Corr -> Values \cup {Nil}]
  /\ lockedRound \in [Corr -> -1..MaxRound] /\ validRound \in [Corr -> -1..MaxRound]
  /\ proposals \in [Rounds -> SUBSET [value : Values, validRound : -1..MaxRound]]
  /\ prevotes \in [Rounds -> [Procs -> SUBSET VoteValues]]
  /\ precommits \in [Rounds -> [Procs -> SUBSET VoteValues]]

Init ==
  /\ proposer \in Proposers
  /\ round = [p \in Corr |-> 0]
  /\ step = [p \in Corr |-> "propose"]          \* StartRound(0)
  /\ decision = [p \in Corr |-> Nil]
  /\ lockedValue = [p \in Corr |-> Nil] /\ lockedRound = [p \in Corr |-> -1]
  /\ validValue = [p \in Corr |-> Nil]  /\ validRound = [p \in Corr |-> -1]
  /\ proposals = [r \in Rounds |-> FaultyProposals(r)]
  /\ prevotes = InitVotes /\ precommits = InitVotes

StartRound(p, r) ==
  /\ round' = [round EXCEPT ![p] = r]
  /\ step' = [step EXCEPT ![p] = "propose"]
  /\ UNCHANGED <<proposer, decision, lockedValue, lockedRound, validValue, validRound, msgVars>>

\* p has sent nothing yet
Silent(p) == \A r \in Rounds : /\ prevotes[r][p] = {} /\ precommits[r][p] = {}
                               /\ (proposer[r] = p => proposals[r] = {})

\* NewRound(p, r): L55 (f+1 messages of a higher round) or L65 (OnTimeoutPrecommit,
\* scheduled by L47: 2f+1 precommits of the current round).  Round 0 is entered at Init;
\* a NewRound(p, 0) event of a process that has done nothing yet is a stuttering step.
NewRound(p, r) ==
  /\ decision[p] = Nil
  /\ \/ /\ r > round[p]                                                      \* L55
        /\ HasOneThird(SendersIn(r))
        /\ StartRound(p, r)
     \/ /\ r = round[p] + 1 /\ r \in Rounds                                \* L47, L65
        /\ HasQuorum(Voters(precommits, round[p]))
        /\ StartRound(p, r)
     \/ /\ r = 0 /\ round[p] = 0 /\ step[p] = "propose"                     \* L10 at start
        /\ Silent(p)
        /\ UNCHANGED vars

\* Propose(p, r, v, vr): L14-L19, the proposer of round r broadcasts its proposal.
Propose(p, r, v, vr) ==
  /\ p \in Corr /\ proposer[r] = p /\ round[p] = r /\ step[p] = "propose"
  /\ decision[p] = Nil /\ Power[p] > 0
  /\ proposals[r] = {}
  /\ vr = validRound[p]
  /\ IF validValue[p] /= Nil THEN v = validValue[p] ELSE v \in Proposable  \* getValue()
  /\ proposals' = [proposals EXCEPT ![r] = {Proposal(v, vr)}]
  /\ UNCHANGED <<proposer, round, step, decision, lockedValue, lockedRound, validValue, validRound,
                 prevotes, precommits>>

\* The prevote (value v, possibly nil) that p may cast now, by L22, L28 or L57.
CanPrevote(p, v) ==
  LET r == round[p] IN
  /\ step[p] = "propose" /\ decision[p] = Nil
  /\ \/ \E w \in Values :                                                    \* L22-L27
          /\ Proposal(w, -1) \in proposals[r]
          /\ v = IF Valid(w) /\ (lockedRound[p] = -1 \/ lockedValue[p] = w
                                  \/ Mutant = "NoLock")
                 THEN w ELSE Nil
     \/ \E w \in Values, vr \in 0..(r - 1) :                                 \* L28-L33
          /\ Proposal(w, vr) \in proposals[r]
          /\ HasQuorum(VotersFor(prevotes, vr, w))
          /\ v = IF Valid(w) /\ (lockedRound[p] <= vr \/ lockedValue[p] = w
                                  \/ Mutant = "NoLockL28")
                 THEN w ELSE Nil
     \/ v = Nil                                                              \* L57 timeout

Prevote(p, r, v) ==
  /\ p \in Corr /\ r = round[p] /\ Power[p] > 0 /\ CanPrevote(p, v)
  /\ prevotes' = [prevotes EXCEPT ![r][p] = {v}]
  /\ step' = [step EXCEPT ![p] = "prevote"]
  /\ UNCHANGED <<proposer, round, decision, lockedValue, lockedRound, validValue, validRound,
                 proposals, precommits>>

\* L36: a proposal for v and a polka (2f+1 prevotes for v) in round r; the mutant
\* PrecommitNoPolka precommits on the proposal alone.
PolkaFor(r, v) == /\ v /= Nil /\ ProposalIn(r, v) /\ Valid(v)
                  /\ (HasQuorum(VotersFor(prevotes, r, v)) \/ Mutant = "PrecommitNoPolka")

\* L36-L43 with step = prevote: lock on v and precommit it.
PrecommitValue(p, r, v) ==
  /\ PolkaFor(r, v)
  /\ lockedValue' = [lockedValue EXCEPT ![p] = v]
  /\ lockedRound' = [lockedRound EXCEPT ![p] = r]
  /\ validValue' = [validValue EXCEPT ![p] = v]
  /\ validRound' = [validRound EXCEPT ![p] = r]

Precommit(p, r, v) ==
  /\ p \in Corr /\ r = round[p] /\ step[p] = "prevote" /\ decision[p] = Nil
  /\ Power[p] > 0
  /\ \/ PrecommitValue(p, r, v)                                              \* L36
     \/ /\ v = Nil                                                           \* L44 or L61
        /\ HasQuorum(Voters(prevotes, r))
        /\ UNCHANGED <<lockedValue, lockedRound, validValue, validRound>>
  /\ precommits' = [precommits EXCEPT ![r][p] = {v}]
  /\ step' = [step EXCEPT ![p] = "precommit"]
  /\ UNCHANGED <<proposer, round, decision, proposals, prevotes>>

\* L36-L43 once p has moved past prevote: only validValue/validRound are updated.
UpdateValid(p, r, v) ==
  /\ p \in Corr /\ r = round[p] /\ step[p] = "precommit" /\ validRound[p] < r
  /\ decision[p] = Nil
  /\ PolkaFor(r, v)
  /\ validValue' = [validValue EXCEPT ![p] = v]
  /\ validRound' = [validRound EXCEPT ![p] = r]
  /\ UNCHANGED <<proposer, round, step, decision, lockedValue, lockedRound, msgVars>>

\* L49-L54: decide v on a proposal and 2f+1 precommits for it in any round r.
Decide(p, r, v) ==
  /\ p \in Corr /\ decision[p] = Nil
  /\ ProposalIn(r, v) /\ Valid(v)
  /\ HasQuorum(VotersFor(precommits, r, v))
  /\ decision' = [decision EXCEPT ![p] = v]
  /\ UNCHANGED <<proposer, round, step, lockedValue, lockedRound, validValue, validRound, msgVars>>

Next ==
  \E p \in Corr :
     \/ \E r \in Rounds : NewRound(p, r) /\ r /= 0
     \/ \E v \in ValidValues, vr \in -1..MaxRound : Propose(p, round[p], v, vr)
     \/ \E v \in Values \cup {Nil} : Prevote(p, round[p], v)
     \/ \E v \in Values \cup {Nil} : Precommit(p, round[p], v)
     \/ \E v \in Values : UpdateValid(p, round[p], v)
     \/ \E r \in Rounds, v \in Values : Decide(p, r, v)

Spec == Init /\ [][Next]_vars

(***************************************************************************)
(* Properties                                                              *)
(***************************************************************************)
\* Agreement: no two correct processes decide differently.
Agreement == \A p, q \in Corr : decision[p] /= Nil /\ decision[q] /= Nil
                                   => decision[p] = decision[q]
\* Validity: a correct process decides only valid values.
Validity == \A p \in Corr : decision[p] /= Nil => decision[p] \in ValidValues
=============================================================================
