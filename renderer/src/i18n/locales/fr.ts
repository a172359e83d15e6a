import type en from './en'

const fr: typeof en = {
  app: {
    title: 'LSTM Studio',
    tagline: 'Prévoyez vos séries temporelles avec des réseaux récurrents',
    connectedVia: 'Connecté par {transport}',
    transport: { ipc: "l'application de bureau", websocket: 'le serveur local' },
    version: 'Version {version}',
  },
  nav: { label: 'Sections', data: 'Données' },
  language: { label: 'Langue', en: 'English', fr: 'Français' },
  samples: {
    heading: "Projet d'exemple",
    intro: "Des séries publiques réelles fournies avec l'application. Choisissez-en une pour la voir.",
    listLabel: 'Séries fournies',
    points: '{count} points',
    source: 'Source : {source}',
    loading: 'Chargement de la série…',
  },
  chart: {
    label: 'Graphique de {name}',
    value: 'Valeur',
    time: 'Temps',
    step: 'Pas',
    resetZoom: 'Réinitialiser le zoom',
  },
  frequency: {
    steps: 'pas réguliers',
    second: 'chaque seconde | toutes les {step} secondes',
    minute: 'chaque minute | toutes les {step} minutes',
    hour: 'horaire | toutes les {step} heures',
    day: 'quotidienne | tous les {step} jours',
    businessDay: 'jours ouvrés | tous les {step} jours ouvrés',
    week: 'hebdomadaire | toutes les {step} semaines',
    month: 'mensuelle | tous les {step} mois',
    quarter: 'trimestrielle | tous les {step} trimestres',
    year: 'annuelle | tous les {step} ans',
  },
  errors: { dismiss: 'Fermer', title: 'Un problème est survenu' },
}

export default fr
