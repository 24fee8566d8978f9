---------------------------- MODULE ModuleRollout ----------------------------
(***************************************************************************)
(* Governance-driven module rollout (DESIGN.md section 7; issue 16 and     *)
(* issue 13, governance): one approval (module, version, sha256,           *)
(* activation) on L1 ModuleRegistry, switched blue-green on every node.    *)
(*                                                                         *)
(* L1 holds the approval and maybe its revocation (ModuleRegistry.revoke   *)
(* takes it at any time; one the pool commits at or after the activation   *)
(* block comes too late for this rollout and is not modelled further: the  *)
(* nodes return to the previous version at a later epoch boundary, another *)
(* rollout).  The pool commits L1                                          *)
(* events after their confirmations, each in some block: the committed     *)
(* state after block k says whether the approval stands.  Each node        *)
(* processes the committed blocks one after another, at its own pace.  A  *)
(* node that has committed the approval fetches the artifact from its      *)
(* source, which may serve a wrong one; the sha256 check refuses it and    *)
(* the node fetches again.  Whether the module activates is decided by the *)
(* committed state after block Act - 1, the same on every node: if it     *)
(* stands, the node switches before it processes block Act (and waits for *)
(* its artifact if it has none), else it never switches.  The switch is    *)
(* blue-green: the new instance starts beside the old one, then the old    *)
(* one stops; both may try to sign the height in between, and the sign     *)
(* guard in the store (one record per node and height, shared by both     *)
(* instances) lets only the first signature out.  A node whose new        *)
(* instance fails its health check falls back to the old one at once and   *)
(* reports it; the pool commits a rollback in some later block, and every *)
(* node returns to the old version when it processes that block.           *)
(***************************************************************************)
EXTENDS Naturals, FiniteSets

CONSTANTS
  Nodes,      \* the honest nodes
  MaxHeight,  \* committed blocks 1..MaxHeight
  Act,        \* the activation block (the first block of the activation epoch)
  Mutant      \* "none", or the name of the rule deliberately weakened

ASSUME Act >= 2 /\ MaxHeight >= Act

Never == MaxHeight + 1

VARIABLES
  l1,        \* the registry on L1: "none", "approved" or "revoked"
  height,    \* the pool's committed height
  apprH,     \* the block that committed the approval (Never: not yet)
  revH,      \* the block that committed the revocation (Never: not yet)
  rbH,       \* the block that committed the rollback (Never: not yet)
  ht,        \* [Nodes -> the last block the node processed]
  staged,    \* [Nodes -> "none" | "good" | "bad": the artifact installed beside the running version]
  active,    \* [Nodes -> "old" | "new": the instance serving the node]
  both,      \* [Nodes -> TRUE while both instances run (the hand-over)]
  switchAt,  \* [Nodes -> the block from which the node runs the new version (0: never switched)]
  failed,    \* [Nodes -> TRUE once its new instance failed the health check]
  signed     \* [Nodes -> the <<height, instance>> signatures that left the node]

vars == <<l1, height, apprH, revH, rbH, ht, staged, active, both, switchAt, failed, signed>>

\* The committed state after block k: the approval stands.
Stands(k) == apprH <= k /\ ~(revH <= k)
\* The instances running on node n.
Running(n) == IF both[n] THEN {"old", "new"} ELSE {active[n]}

Init ==
  /\ l1 = "none" /\ height = 0
  /\ apprH = Never /\ revH = Never /\ rbH = Never
  /\ ht = [n \in Nodes |-> 0]
  /\ staged = [n \in Nodes |-> "none"]
  /\ active = [n \in Nodes |-> "old"]
  /\ both = [n \in Nodes |-> FALSE]
  /\ switchAt = [n \in Nodes |-> 0]
  /\ failed = [n \in Nodes |-> FALSE]
  /\ signed = [n \in Nodes |-> {}]

(* Governance on L1: ModuleRegistry.approve, then maybe ModuleRegistry.revoke (at any time). *)
Approve ==
  /\ l1 = "none" /\ l1' = "approved"
  /\ UNCHANGED <<height, apprH, revH, rbH, ht, staged, active, both, switchAt, failed, signed>>
Revoke ==
  /\ l1 = "approved" /\ l1' = "revoked"
  /\ UNCHANGED <<height, apprH, revH, rbH, ht, staged, active, both, switchAt, failed, signed>>

(* The pool commits the next block, maybe with a confirmed registry event or a reported health failure. *)
Commit ==
  LET k == height + 1 IN
  /\ k <= MaxHeight
  /\ height' = k
  /\ \/ UNCHANGED <<apprH, revH, rbH>>
     \/ apprH = Never /\ l1 /= "none" /\ apprH' = k /\ UNCHANGED <<revH, rbH>>
     \/ revH = Never /\ l1 = "revoked" /\ apprH < k /\ revH' = k /\ UNCHANGED <<apprH, rbH>>
     \/ rbH = Never /\ \E n \in Nodes : failed[n]
        /\ rbH' = k /\ UNCHANGED <<apprH, revH>>
  /\ UNCHANGED <<l1, ht, staged, active, both, switchAt, failed, signed>>

(* The node fetches the approved artifact from its source (which may serve a wrong one) and installs it beside the
   running version only if its sha256 is the approved one (mutant NoHashCheck: any artifact). *)
Stage(n) ==
  /\ staged[n] = "none" /\ Stands(ht[n])
  /\ \E art \in {"good", "bad"} :
       staged' = [staged EXCEPT ![n] = IF art = "bad" /\ Mutant /= "NoHashCheck" THEN "none" ELSE art]
  /\ UNCHANGED <<l1, height, apprH, revH, rbH, ht, active, both, switchAt, failed, signed>>

(* Whether the node switches now: before it processes block Act, if the committed state after block Act - 1 lets
   the approval stand.  Mutants: SwitchOnLocalClock (when the node's clock says the activation time has come: any
   time around the activation block, judged by the state the node has), IgnoreRevoke (the approval was committed,
   whether or not it was revoked since). *)
SwitchNow(n) ==
  IF Mutant = "SwitchOnLocalClock" THEN ht[n] \in (Act - 2)..Act /\ Stands(ht[n])
  ELSE ht[n] = Act - 1 /\ IF Mutant = "IgnoreRevoke" THEN apprH <= Act - 1 ELSE Stands(Act - 1)

(* Blue-green, first half: the new instance starts beside the old one. *)
StartNew(n) ==
  /\ switchAt[n] = 0 /\ ~both[n] /\ staged[n] /= "none" /\ SwitchNow(n)
  /\ both' = [both EXCEPT ![n] = TRUE]
  /\ switchAt' = [switchAt EXCEPT ![n] = ht[n] + 1]
  /\ UNCHANGED <<l1, height, apprH, revH, rbH, ht, staged, active, failed, signed>>

(* Blue-green, second half: the old instance stops. *)
StopOld(n) ==
  /\ both[n]
  /\ both' = [both EXCEPT ![n] = FALSE]
  /\ active' = [active EXCEPT ![n] = "new"]
  /\ UNCHANGED <<l1, height, apprH, revH, rbH, ht, staged, switchAt, failed, signed>>

(* A running instance signs for the height the node works on (the next block), through the sign guard in the store:
   nothing leaves if the node already signed that height (mutant SignDuringHandover: a guard per instance). *)
Sign(n, i) ==
  LET k == ht[n] + 1 IN
  /\ k <= MaxHeight /\ i \in Running(n)
  /\ IF Mutant = "SignDuringHandover" THEN <<k, i>> \notin signed[n] ELSE \A j \in {"old", "new"} : <<k, j>> \notin signed[n]
  /\ signed' = [signed EXCEPT ![n] = @ \cup {<<k, i>>}]
  /\ UNCHANGED <<l1, height, apprH, revH, rbH, ht, staged, active, both, switchAt, failed>>

(* The new instance fails its health check: the node falls back to the old one at once and reports it. *)
HealthFail(n) ==
  /\ active[n] = "new" /\ ~both[n] /\ ~failed[n]
  /\ active' = [active EXCEPT ![n] = "old"]
  /\ failed' = [failed EXCEPT ![n] = TRUE]
  /\ UNCHANGED <<l1, height, apprH, revH, rbH, ht, staged, both, switchAt, signed>>

(* The node processes the next committed block: not in the middle of a hand-over, and not block Act while it should
   have switched and has not (it waits for its artifact).  A committed rollback returns it to the old version
   (mutant PartialRollback: only a node that failed the check itself runs the old version). *)
Process(n) ==
  LET k == ht[n] + 1 IN
  /\ k <= height /\ ~both[n]
  /\ (k = Act /\ Mutant /= "SwitchOnLocalClock" /\ SwitchNow(n)) => switchAt[n] /= 0
  /\ ht' = [ht EXCEPT ![n] = k]
  /\ active' = [active EXCEPT ![n] = IF k = rbH /\ Mutant /= "PartialRollback" THEN "old" ELSE @]
  /\ UNCHANGED <<l1, height, apprH, revH, rbH, staged, both, switchAt, failed, signed>>

Next ==
  \/ Approve \/ Revoke \/ Commit
  \/ \E n \in Nodes : Stage(n) \/ StartNew(n) \/ StopOld(n) \/ HealthFail(n) \/ Process(n)
  \/ \E n \in Nodes, i \in {"old", "new"} : Sign(n, i)

Spec == Init /\ [][Next]_vars

TypeOK ==
  /\ l1 \in {"none", "approved", "revoked"} /\ height \in 0..MaxHeight
  /\ {apprH, revH, rbH} \subseteq 1..Never
  /\ \A n \in Nodes :
       /\ ht[n] \in 0..height /\ staged[n] \in {"none", "good", "bad"} /\ active[n] \in {"old", "new"}
       /\ both[n] \in BOOLEAN /\ switchAt[n] \in 0..(MaxHeight + 1) /\ failed[n] \in BOOLEAN
       /\ signed[n] \subseteq (1..MaxHeight) \X {"old", "new"}

(***************************************************************************)
(* Properties (each has a mutant model that TLC refutes)                   *)
(***************************************************************************)
\* Every honest node that switches does so at the same block, the activation block.
SameSwitchHeight == \A n \in Nodes : switchAt[n] \in {0, Act}
\* Never do an old and a new instance both sign at one height on one node (no double sign at the hand-over).
NoDoubleSign == \A n \in Nodes : \A k \in 1..MaxHeight : Cardinality({i \in {"old", "new"} : <<k, i>> \in signed[n]}) <= 1
\* An approval revoked (as committed) before the activation block never activates.
RevokedNeverActivates == revH < Act => \A n \in Nodes : switchAt[n] = 0
\* An artifact with a wrong hash never activates.
WrongHashNeverActivates == \A n \in Nodes : switchAt[n] /= 0 => staged[n] = "good"
\* After a committed rollback, every node that processed it runs the old version.
RollbackEverywhere == \A n \in Nodes : rbH <= ht[n] => active[n] = "old" /\ ~both[n]
=============================================================================
