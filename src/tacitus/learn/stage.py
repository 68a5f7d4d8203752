"""The learned layer as the sentence coder's last stage.

Reads ``job.events`` (the pattern events of the sentence) and may promote one, drop weak ones (a demand stays,
as the appeal of its kind), or, with ``model_events``, add the event of the sentence's main predicate that the
patterns missed when the parse shows a dyad of known actors (its ``predicate`` then reads "model:<lemma>").
It is handed to the coder as a stage factory: ``EventCoder(stages=[*STAGES, learned_stage(layer)])``.
"""

from __future__ import annotations

from tacitus.events.job import Draft, SentenceJob
from tacitus.events.patterns import Sense
from tacitus.events.predicates import Predicate
from tacitus.events.ranking import CONFIDENCE_CEILING, PROMOTION_STEP, as_appeal, promoted
from tacitus.learn.decide import LearnedLayer
from tacitus.learn.features import main_predicate
from tacitus.records import Event, is_counted, names_nobody


class LearnedStage:
    stage_name = "learned"

    def __init__(self, layer: LearnedLayer, coder, model_events: bool = False) -> None:
        """``coder``: the EventCoder whose roles, anchoring and assembly stages a model event goes through."""
        self.layer, self.coder, self.model_events = layer, coder, model_events
        self.onto = coder.knowledge.ontology

    def __call__(self, job: SentenceJob) -> None:
        if not (self.model_events or any(is_counted(e.modality) for e in job.events)):
            return  # nothing to rerank or drop
        events = job.events
        choice, _ = self.layer.decide(job.sent, events)
        top = max((e.confidence for e in events if is_counted(e.modality)), default=0.0)
        if choice.action == "rerank" and choice.index is not None:
            events[choice.index].confidence = promoted(top)
        elif choice.action == "drop":
            # the model reads the sentence as a statement or an appeal: weak conflict events go, and a demand
            # stays a request but at the appeal's level
            events = [as_appeal(e, self.onto) if self.onto.is_a(e.plover_type, "request") else e for e in events
                      if not is_counted(e.modality) or self.onto.is_a(e.plover_type, "request")]
        elif choice.action == "emit" and self.model_events:
            emitted = self.model_event(job, choice, top)
            if emitted is not None:
                events.append(emitted)
        job.events = events

    def model_event(self, job: SentenceJob, choice, top: float) -> Event | None:
        """The event the model found in the sentence, on its main predicate, with whatever actors the parse gives."""
        coder = self.coder
        syntax, roles, tags = coder.syntax, coder.roles, coder.grammar.tags
        tok = main_predicate(job.sent, coder.knowledge.words)
        if tok is None:
            return None
        verbal = tok.pos_ in tags.verbal
        subjects = [t for t in syntax.verb_subjects(tok) if t.pos_ not in tags.pronoun or syntax.is_pronoun(t)] \
            if verbal else []
        if not subjects:
            return None
        source_tok = subjects[0]
        source = roles.actor(source_tok, job)
        if names_nobody(source):
            return None  # "prices rose sharply": the model's class alone does not make a political event
        obj = syntax.direct_object(tok) if verbal else None
        target = roles.actor(obj, job) if obj is not None else None
        if target is None or not (target.country or target.sector) or target.code == source.code:
            return None  # a model event needs a dyad the parse can show: who acted on whom
        sense = Sense.of(self.onto, f"model:{tok.lemma_.lower()}", choice.cameo_code, plover=choice.plover_type)
        pred = Predicate(tok, sense, "verb" if verbal else "noun")
        confidence = min(CONFIDENCE_CEILING, round(max(choice.probability or 0.0, top + PROMOTION_STEP), 3))
        draft = Draft(pred=pred, source=source, target=target, source_tok=source_tok, target_tok=obj,
                      modality="asserted", speech=None, code=choice.cameo_code, mode=None, plover=choice.plover_type,
                      confidence=confidence)
        sub = SentenceJob(sent=job.sent, index=job.index, document=job.document, context=job.context,
                          actors=job.actors, drafts=[draft])
        coder.stage("anchoring")(sub)
        coder.stage("assembly")(sub)
        return sub.events[0] if sub.events else None


def learned_stage(layer: LearnedLayer, model_events: bool = False):
    """A stage factory for ``EventCoder(stages=...)``: the learned layer after the pattern stages."""

    def factory(coder) -> LearnedStage:
        return LearnedStage(layer, coder, model_events)

    factory.stage_name = LearnedStage.stage_name
    return factory
