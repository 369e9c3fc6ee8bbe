import type { AnswerValue, Swot } from '../../core/diagnostics/diagnostic.schema.js';
import type { FrameworkDefinition, Question } from '../../core/diagnostics/framework.schema.js';
import type { SectorCode } from '../../core/registry/sectors.js';

/**
 * Plausible baseline answers for the demo cooperatives: each cooperative has
 * an overall level, each programme its typical strengths and gaps (the
 * southern cooperatives are older but weak in bookkeeping and sales; the new
 * Souss-Massa ones are freshly registered but have no plan, no monitoring and
 * no market yet), and every answer some spread. Deterministic for a seed.
 */

export interface DemoAnswer {
  questionKey: string;
  value: AnswerValue | null;
  notApplicable: boolean;
  note: string | null;
}

type Random = () => number;

export function seededRandom(seed: number): Random {
  let state = seed % 2 ** 31 || 1;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** Domain offsets, in maturity levels, by programme profile. */
const profiles: Record<'south' | 'new', Record<string, number>> = {
  south: { legal: -0.2, governance: 0, management: -0.2, finance: -0.7, production: 0.4, marketing: -0.6, strategy: -0.5, monitoring: -0.6, communication: -0.1, human_capital: -0.3 },
  new: { legal: 0.6, governance: 0.3, management: -0.3, finance: -0.3, production: 0, marketing: -0.8, strategy: -0.7, monitoring: -0.9, communication: -0.2, human_capital: 0 },
};

/** Sectors where food-safety and sanitary questions do not apply. */
const nonFoodSectors: ReadonlySet<SectorCode> = new Set(['handicrafts', 'services', 'transport', 'tourism', 'housing']);

const textAnswers: Record<string, string[]> = {
  default: [
    'Point discuté avec le bureau ; à approfondir lors de la prochaine visite.',
    'Les membres ont exprimé un besoin d’accompagnement sur ce point.',
    'Situation décrite par la présidente, confirmée par les documents consultés.',
  ],
};

function clampLevel(value: number): 1 | 2 | 3 | 4 {
  return Math.min(4, Math.max(1, Math.round(value))) as 1 | 2 | 3 | 4;
}

function answerFor(question: Question, level: number, next: Random): AnswerValue | null {
  const target = (level - 1) / 3;
  switch (question.type) {
    case 'maturity':
      return clampLevel(level);
    case 'yes_no': {
      const good = next() < 0.15 + 0.75 * target;
      return question.yesIsGood === false ? !good : good;
    }
    case 'number': {
      const scale = question.numberScale!;
      const share = Math.min(1, Math.max(0, target + (next() - 0.5) * 0.3));
      const raw = scale.worst + (scale.best - scale.worst) * share;
      return Math.abs(scale.best - scale.worst) >= 10 ? Math.round(raw) : Math.round(raw * 10) / 10;
    }
    case 'single_choice': {
      const options = question.options!;
      const ranked = [...options].sort((a, b) => Math.abs(a.score - target) - Math.abs(b.score - target));
      return (next() < 0.75 ? ranked[0] : ranked[Math.min(1, ranked.length - 1)])!.value;
    }
    case 'multiple_choice': {
      const chosen = question.options!.filter((option) => next() < (option.score > 0 ? target * 0.9 : 0.25)).map((option) => option.value);
      return chosen.length > 0 ? chosen : [question.options![0]!.value];
    }
    case 'text': {
      const bank = textAnswers[question.key] ?? textAnswers.default!;
      return bank[Math.floor(next() * bank.length)]!;
    }
  }
}

function looksSanitary(question: Question): boolean {
  const text = `${question.key} ${question.text.fr}`.toLowerCase();
  return /onssa|sanitaire|hygi|alimentaire|agrément/.test(text);
}

export function demoAnswers(definition: FrameworkDefinition, profile: 'south' | 'new', sector: SectorCode, seed: number): DemoAnswer[] {
  const next = seededRandom(seed);
  const base = 1.6 + next() * 2.1;
  const offsets = profiles[profile];
  const answers: DemoAnswer[] = [];
  for (const domain of definition.domains) {
    const domainLevel = base + (offsets[domain.key] ?? 0) + (next() - 0.5) * 0.8;
    for (const question of domain.questions) {
      const notApplicable = question.allowNotApplicable && ((nonFoodSectors.has(sector) && looksSanitary(question)) || next() < 0.02);
      const level = domainLevel + (next() - 0.5) * 1.4;
      answers.push({
        questionKey: question.key,
        value: notApplicable ? null : answerFor(question, level, next),
        notApplicable,
        note: !notApplicable && next() < 0.12 ? 'Document vu lors de la visite.' : null,
      });
    }
  }
  return answers;
}

const swotBanks: Record<'sea' | 'land' | 'craft' | 'service', Swot> = {
  sea: {
    strengths: ['Savoir-faire ancien des membres en pêche artisanale', 'Accès direct à la ressource au point de débarquement', 'Local de séchage mis à disposition par la commune'],
    weaknesses: ['Pas de comptabilité régulière', 'Chaîne du froid absente', 'Dépendance à un seul mareyeur'],
    opportunities: ['Demande croissante de poisson séché dans les villes du Nord', 'Programmes d’équipement des points de débarquement', 'Foires régionales de l’ESS'],
    threats: ['Repos biologique et quotas du poulpe', 'Concurrence de l’informel', 'Coût du transport vers les marchés'],
  },
  land: {
    strengths: ['Produit de terroir reconnu', 'Membres motivés et jeunes', 'Terrain ou local disponible'],
    weaknesses: ['Pas de plan de développement écrit', 'Emballage et étiquetage non conformes', 'Ventes surtout au souk, sans fichier clients'],
    opportunities: ['Label et indication géographique', 'Plateformes de vente en ligne et marketplace de l’ODCO', 'Appui de la Chambre d’Agriculture'],
    threats: ['Sécheresse et coût de l’eau', 'Prix bas imposés par les intermédiaires', 'Exigences sanitaires (ONSSA) pour la vente en grande surface'],
  },
  craft: {
    strengths: ['Savoir-faire artisanal des femmes membres', 'Produits authentiques appréciés des visiteurs', 'Bonne entente au sein du bureau'],
    weaknesses: ['Prix de revient non calculé', 'Pas de stock tenu par écrit', 'Faible présence sur les réseaux sociaux'],
    opportunities: ['Salons de l’artisanat et Prix Lalla Al Moutaâouina', 'Tourisme régional', 'Commandes groupées avec une union de coopératives'],
    threats: ['Copies industrielles à bas prix', 'Hausse du prix des matières premières', 'Saisonnalité des ventes'],
  },
  service: {
    strengths: ['Membres diplômés et à l’aise avec le numérique', 'Clientèle locale fidèle', 'Faibles besoins d’équipement'],
    weaknesses: ['Statuts et registre des membres à mettre à jour', 'Trésorerie tendue', 'Répartition des tâches informelle'],
    opportunities: ['Marchés publics réservés aux coopératives', 'Demande de services numériques des autres coopératives', 'Programmes d’appui aux jeunes (Génération Solidaire)'],
    threats: ['Concurrence des auto-entrepreneurs', 'Retards de paiement des clients', 'Départ de membres vers l’emploi salarié'],
  },
};

export function demoSwot(sector: SectorCode, seed: number): Swot {
  const bank =
    sector === 'fisheries'
      ? swotBanks.sea
      : sector === 'handicrafts'
        ? swotBanks.craft
        : sector === 'services' || sector === 'transport' || sector === 'tourism'
          ? swotBanks.service
          : swotBanks.land;
  const next = seededRandom(seed * 7 + 3);
  const take = (items: string[]) => items.filter(() => next() < 0.8).slice(0, 3);
  const ensure = (items: string[], all: string[]) => (items.length > 0 ? items : all.slice(0, 1));
  return {
    strengths: ensure(take(bank.strengths), bank.strengths),
    weaknesses: ensure(take(bank.weaknesses), bank.weaknesses),
    opportunities: ensure(take(bank.opportunities), bank.opportunities),
    threats: ensure(take(bank.threats), bank.threats),
  };
}
