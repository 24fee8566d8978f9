------------------------------ MODULE Tendermint ------------------------------
(***************************************************************************)
(* One height of Tendermint as in "The latest gossip on BFT consensus"     *)
(* (Buchman, Kwon, Milosevic 2018), Algorithm 1.  Tags such as L22 name    *)
(* the paper's lines.  Correct processes follow the algorithm; every       *)
(* message a Byzantine process could send is in flight from the start      *)
(* (it may equivocate, i.e. send several votes per round).  Messages are   *)
(* never lost: a process acts on a subset of what was sent, so the global  *)
(* message set over-approximates what it has received.                     *)
(*                                                                         *)
(* Action names equal the trace event names of seqpool.consensus:          *)
(* NewRound, Propose, Prevote, Precommit, Decide.                          *)
(***************************************************************************)
EXTENDS Integers, FiniteSets

CONSTANTS
  Corr,           \* correct processes
  Faulty,         \* Byzantine processes
  ValidValues,    \* values v with valid(v)
  Proposable,     \* the values getValue() of a correct proposer may return (a subset of ValidValues)
  InvalidValues,  \* values a Byzantine proposer may propose, valid(v) = FALSE
  MaxRound,       \* rounds 0..MaxRound are explored
  ProposerSeq,    \* <<proposer of round 0, of round 1, ...>> (the proposer-priority schedule)
  Mutant          \* "none", or the name of the rule deliberately weakened

Procs  == Corr \cup Faulty
Proposer == [r \in 0..(MaxRound) |-> ProposerSeq[r + 1]]
Rounds == 0..MaxRound
Nil    == "nil"
Values == ValidValues \cup InvalidValues
F      == (Cardinality(Procs) - 1) \div 3      \* faults tolerated, n = 3f+1
\* 2f+1 distinct senders; the mutant WeakQuorum accepts 2f.
Quorum == IF Mutant = "WeakQuorum" THEN 2 * F ELSE 2 * F + 1
Valid(v) == IF Mutant = "NoValidCheck" THEN v \in Values ELSE v \in ValidValues

ASSUME Corr \cap Faulty = {} /\ Nil \notin Values /\ Proposable \subseteq ValidValues
ASSUME \A r \in Rounds : Proposer[r] \in Procs

VARIABLES
  round, step, decision,        \* per correct process
  lockedValue, lockedRound,
  validValue, validRound,
  msgs                          \* every message sent so far

vars == <<round, step, decision, lockedValue, lockedRound, validValue, validRound, msgs>>

PrevoteMsg(p, r, v)   == [type |-> "prevote",   src |-> p, round |-> r, value |-> v]
PrecommitMsg(p, r, v) == [type |-> "precommit", src |-> p, round |-> r, value |-> v]
ProposalMsg(p, r, v, vr) ==
  [type |-> "proposal", src |-> p, round |-> r, value |-> v, validRound |-> vr]

FaultyMsgs ==
    { PrevoteMsg(p, r, v)   : p \in Faulty, r \in Rounds, v \in ValidValues \cup {Nil} }
  \cup { PrecommitMsg(p, r, v) : p \in Faulty, r \in Rounds, v \in ValidValues \cup {Nil} }
  \cup UNION { { ProposalMsg(Proposer[r], r, v, vr) : v \in Values, vr \in -1..(r - 1) } :
                r \in {r2 \in Rounds : Proposer[r2] \in Faulty} }

Senders(S) == { m.src : m \in S }
\* messages of one type, round and (optionally) value
Votes(t, r)    == { m \in msgs : m.type = t /\ m.round = r }
VotesFor(t, r, v) == { m \in Votes(t, r) : m.value = v }
HasQuorum(S) == Cardinality(Senders(S)) >= Quorum
ProposalIn(r, v) == \E m \in msgs : m.type = "proposal" /\ m.round = r /\ m.value = v
                                     /\ m.src = Proposer[r]

TypeOK ==
  /\ round \in [Corr -> Rounds]
  /\ step \in [Corr -> {"propose", "prevote", "precommit"}]
  /\ decision \in [Corr -> Values \cup {Nil}]
  /\ lockedRound \in [Corr -> -1..MaxRound] /\ validRound \in [Corr -> -1..MaxRound]

Init ==
  /\ round = [p \in Corr |-> 0]
  /\ step = [p \in Corr |-> "propose"]          \* StartRound(0)
  /\ decision = [p \in Corr |-> Nil]
  /\ lockedValue = [p \in Corr |-> Nil] /\ lockedRound = [p \in Corr |-> -1]
  /\ validValue = [p \in Corr |-> Nil]  /\ validRound = [p \in Corr |-> -1]
  /\ msgs = FaultyMsgs

StartRound(p, r) ==
  /\ round' = [round EXCEPT ![p] = r]
  /\ step' = [step EXCEPT ![p] = "propose"]
  /\ UNCHANGED <<decision, lockedValue, lockedRound, validValue, validRound, msgs>>

\* NewRound(p, r): L55 (f+1 messages of a higher round) or L65 (OnTimeoutPrecommit,
\* scheduled by L47: 2f+1 precommits of the current round).  Round 0 is entered at Init;
\* a NewRound(p, 0) event of a process that has done nothing yet is a stuttering step.
NewRound(p, r) ==
  /\ decision[p] = Nil
  /\ \/ /\ r > round[p]                                                      \* L55
        /\ Cardinality(Senders({m \in msgs : m.round = r})) >= F + 1
        /\ StartRound(p, r)
     \/ /\ r = round[p] + 1 /\ r \in Rounds                                \* L47, L65
        /\ HasQuorum(Votes("precommit", round[p]))
        /\ StartRound(p, r)
     \/ /\ r = 0 /\ round[p] = 0 /\ step[p] = "propose"                     \* L10 at start
        /\ \A m \in msgs : m.src /= p
        /\ UNCHANGED vars

\* Propose(p, r, v, vr): L14-L19, the proposer of round r broadcasts its proposal.
Propose(p, r, v, vr) ==
  /\ p \in Corr /\ Proposer[r] = p /\ round[p] = r /\ step[p] = "propose"
  /\ decision[p] = Nil
  /\ ~\E m \in msgs : m.type = "proposal" /\ m.src = p /\ m.round = r
  /\ vr = validRound[p]
  /\ IF validValue[p] /= Nil THEN v = validValue[p] ELSE v \in Proposable  \* getValue()
  /\ msgs' = msgs \cup {ProposalMsg(p, r, v, vr)}
  /\ UNCHANGED <<round, step, decision, lockedValue, lockedRound, validValue, validRound>>

\* The prevote (value v, possibly nil) that p may cast now, by L22, L28 or L57.
CanPrevote(p, v) ==
  LET r == round[p] IN
  /\ step[p] = "propose" /\ decision[p] = Nil
  /\ \/ \E w \in Values, vr \in {-1} :                                       \* L22-L27
          /\ \E m \in msgs : m = ProposalMsg(Proposer[r], r, w, vr)
          /\ v = IF Valid(w) /\ (lockedRound[p] = -1 \/ lockedValue[p] = w
                                  \/ Mutant = "NoLock")
                 THEN w ELSE Nil
     \/ \E w \in Values, vr \in 0..(r - 1) :                                 \* L28-L33
          /\ \E m \in msgs : m = ProposalMsg(Proposer[r], r, w, vr)
          /\ HasQuorum(VotesFor("prevote", vr, w))
          /\ v = IF Valid(w) /\ (lockedRound[p] <= vr \/ lockedValue[p] = w) THEN w ELSE Nil
     \/ v = Nil                                                              \* L57 timeout

Prevote(p, r, v) ==
  /\ p \in Corr /\ r = round[p] /\ CanPrevote(p, v)
  /\ msgs' = msgs \cup {PrevoteMsg(p, r, v)}
  /\ step' = [step EXCEPT ![p] = "prevote"]
  /\ UNCHANGED <<round, decision, lockedValue, lockedRound, validValue, validRound>>

\* L36-L43 with step = prevote: lock on v and precommit it.
PrecommitValue(p, r, v) ==
  /\ v /= Nil /\ ProposalIn(r, v) /\ Valid(v)
  /\ HasQuorum(VotesFor("prevote", r, v))
  /\ lockedValue' = [lockedValue EXCEPT ![p] = v]
  /\ lockedRound' = [lockedRound EXCEPT ![p] = r]
  /\ validValue' = [validValue EXCEPT ![p] = v]
  /\ validRound' = [validRound EXCEPT ![p] = r]

Precommit(p, r, v) ==
  /\ p \in Corr /\ r = round[p] /\ step[p] = "prevote" /\ decision[p] = Nil
  /\ \/ PrecommitValue(p, r, v)                                              \* L36
     \/ /\ v = Nil                                                           \* L44 or L61
        /\ HasQuorum(Votes("prevote", r))
        /\ UNCHANGED <<lockedValue, lockedRound, validValue, validRound>>
  /\ msgs' = msgs \cup {PrecommitMsg(p, r, v)}
  /\ step' = [step EXCEPT ![p] = "precommit"]
  /\ UNCHANGED <<round, decision>>

\* L36-L43 once p has moved past prevote: only validValue/validRound are updated.
UpdateValid(p, r, v) ==
  /\ p \in Corr /\ r = round[p] /\ step[p] = "precommit" /\ validRound[p] < r
  /\ v /= Nil /\ ProposalIn(r, v) /\ Valid(v)
  /\ HasQuorum(VotesFor("prevote", r, v))
  /\ validValue' = [validValue EXCEPT ![p] = v]
  /\ validRound' = [validRound EXCEPT ![p] = r]
  /\ UNCHANGED <<round, step, decision, lockedValue, lockedRound, msgs>>

\* L49-L54: decide v on a proposal and 2f+1 precommits for it in any round r.
Decide(p, r, v) ==
  /\ p \in Corr /\ decision[p] = Nil
  /\ ProposalIn(r, v) /\ Valid(v)
  /\ HasQuorum(VotesFor("precommit", r, v))
  /\ decision' = [decision EXCEPT ![p] = v]
  /\ UNCHANGED <<round, step, lockedValue, lockedRound, validValue, validRound, msgs>>

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
