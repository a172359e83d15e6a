import { i18n } from '../../i18n'

/**
 * The inside-the-cell view's own strings, merged into the app's locales when this file is
 * imported, so the shared locale files stay untouched. Panel texts use the equations' words.
 */
export const en = {
  title: 'Inside the cell',
  intro:
    'What the trained network computes over one window of your data: each gate, the cell state and the hidden state, step by step, and how much gradient reaches each step.',
  loading: 'Loading…',
  noModel: {
    title: 'Train a small model first',
    text: 'This project has no trained model yet. A small LSTM (8 units, lookback 24, 10 epochs) on the first dataset takes a few seconds.',
    noDataset: 'This project has no dataset to train on. Import a CSV file first.',
    action: 'Train a small model',
    training: 'Training… epoch {epoch} of {epochs}',
    starting: 'Starting the training run…',
  },
  controls: {
    model: 'Model',
    origin: 'Window origin',
    originValue: 'Inputs from {from} to {to}, forecast from row {origin}',
    layer: 'Layer',
    layerOption: 'Layer {index}: {cell}, {units} units',
    step: 'Time step',
    stepValue: 'Step {step} of {steps}',
    unit: 'Unit',
    loss: 'Loss on this window: {loss}',
  },
  panels: {
    f: 'Forget gate fₜ',
    i: 'Input gate iₜ',
    o: 'Output gate oₜ',
    g: 'Candidate c̃ₜ',
    c: 'Cell state cₜ',
    h: 'Hidden state hₜ',
    r: 'Reset gate rₜ',
    z: 'Update gate zₜ',
    n: 'Candidate nₜ',
    pre: 'Pre-activation aₜ',
  },
  heatmap: {
    title: 'Gates and states over time',
    text: 'Each map is time (left to right, oldest first) × units (top to bottom). fₜ, iₜ and oₜ are sigmoids in (0, 1): how much of cₜ₋₁ is kept, how much of c̃ₜ is written, how much of tanh(cₜ) is shown. c̃ₜ and hₜ lie in (−1, 1); cₜ is unbounded. The outlined column is the selected step.',
    hover: 'Step {step}, unit {unit}: {value}',
    hint: 'Point at a cell, or focus a map and use the arrow keys, to read its value.',
    label: '{panel}: heat map of {steps} steps × {units} units',
    low: 'low',
    high: 'high',
  },
  diagram: {
    title: 'The cell at the selected step',
    text: 'The forget gate scales the previous cell state, the input gate adds a share of the candidate, and the output gate decides how much of tanh(cₜ) becomes the hidden state. The numbers are this unit’s values at this step.',
    textGru:
      'The reset gate decides how much of hₜ₋₁ enters the candidate nₜ; the update gate zₜ mixes the previous state with the candidate.',
    textRnn:
      'A plain recurrent cell: the new state is tanh of a weighted sum of the input and the previous state.',
    previousCell: 'previous cell state',
    previousHidden: 'previous hidden state',
    input: 'input xₜ',
    check: 'Check: fₜ·cₜ₋₁ + iₜ·c̃ₜ = {sum}',
  },
  gradient: {
    title: 'Gradient flow through time',
    text: '‖∂loss/∂hₜ‖ is how much the loss changes when hₜ changes, including through all later steps. In a plain RNN it shrinks by a factor at each step back and vanishes; in an LSTM the path cₜ = fₜ·cₜ₋₁ + … lets it travel further when fₜ is near 1.',
    model: 'This model (layer {layer})',
    axisStep: 'time step t',
    axisNorm: '‖∂loss/∂hₜ‖ as a share of the last step’s (log scale)',
    compare: 'Compare RNN and LSTM',
    comparing:
      'Measuring a tanh RNN and an LSTM of the same size, before and after training, over several seeds…',
    curve: '{cell} trained {epochs} epochs (final loss {loss})',
    curveInitial: '{cell} at initialisation',
    decay:
      'After {epochs} epochs ({seeds} seeds averaged, {steps}-step windows), the RNN’s gradient at step 1 is {rnn} of its last step’s; the LSTM’s is {lstm}. At initialisation: {rnnInitial} and {lstmInitial}.',
    lstmKeeps:
      'The LSTM carries {factor}× more of it back to the oldest step: its cell state lets the gradient through where the RNN’s fades.',
    rnnKeeps:
      'Here the RNN keeps {factor}× more of it at the oldest step. On this scaled data its tanh stays in its near-linear range, where a plain RNN passes the gradient back almost whole, while the LSTM’s forget gates (below 1) shrink it at every step. The vanishing gradient of plain RNNs appears once the tanh saturates, and memory matters once the answer lies far back: the long-memory example has both.',
    similar:
      'The two decay alike here: on this data the recent steps carry the signal, so neither cell is pushed to remember the far past. The long-memory example shows the difference.',
    longMemory: 'Try the long-memory example',
    longMemoryShown: 'Long-memory example: the target is the first value of 48 noisy steps.',
    noGradient: 'This trace carries no gradient for the selected layer.',
  },
  cells: { lstm: 'LSTM', gru: 'GRU', rnn: 'RNN' },
  error: 'Could not load this view: {message}',
}

type Messages = typeof en

export const fr: Messages = {
  title: 'Dans la cellule',
  intro:
    'Ce que le réseau entraîné calcule sur une fenêtre de vos données : chaque porte, l’état de cellule et l’état caché, pas à pas, et la part du gradient qui atteint chaque pas.',
  loading: 'Chargement…',
  noModel: {
    title: 'Entraînez d’abord un petit modèle',
    text: 'Ce projet n’a pas encore de modèle entraîné. Un petit LSTM (8 unités, historique 24, 10 époques) sur le premier jeu de données prend quelques secondes.',
    noDataset: 'Ce projet n’a aucun jeu de données pour l’entraînement. Importez d’abord un fichier CSV.',
    action: 'Entraîner un petit modèle',
    training: 'Entraînement… époque {epoch} sur {epochs}',
    starting: 'Lancement de l’entraînement…',
  },
  controls: {
    model: 'Modèle',
    origin: 'Origine de la fenêtre',
    originValue: 'Entrées du {from} au {to}, prévision à partir de la ligne {origin}',
    layer: 'Couche',
    layerOption: 'Couche {index} : {cell}, {units} unités',
    step: 'Pas de temps',
    stepValue: 'Pas {step} sur {steps}',
    unit: 'Unité',
    loss: 'Perte sur cette fenêtre : {loss}',
  },
  panels: {
    f: 'Porte d’oubli fₜ',
    i: 'Porte d’entrée iₜ',
    o: 'Porte de sortie oₜ',
    g: 'Candidat c̃ₜ',
    c: 'État de cellule cₜ',
    h: 'État caché hₜ',
    r: 'Porte de réinitialisation rₜ',
    z: 'Porte de mise à jour zₜ',
    n: 'Candidat nₜ',
    pre: 'Pré-activation aₜ',
  },
  heatmap: {
    title: 'Portes et états au fil du temps',
    text: 'Chaque carte croise le temps (de gauche à droite, le plus ancien d’abord) et les unités (de haut en bas). fₜ, iₜ et oₜ sont des sigmoïdes dans (0, 1) : la part de cₜ₋₁ conservée, la part de c̃ₜ écrite, la part de tanh(cₜ) montrée. c̃ₜ et hₜ sont dans (−1, 1) ; cₜ n’est pas borné. La colonne encadrée est le pas choisi.',
    hover: 'Pas {step}, unité {unit} : {value}',
    hint: 'Pointez une case, ou placez le focus sur une carte et utilisez les flèches, pour lire sa valeur.',
    label: '{panel} : carte de {steps} pas × {units} unités',
    low: 'bas',
    high: 'haut',
  },
  diagram: {
    title: 'La cellule au pas choisi',
    text: 'La porte d’oubli pondère l’état de cellule précédent, la porte d’entrée ajoute une part du candidat, et la porte de sortie décide quelle part de tanh(cₜ) devient l’état caché. Les nombres sont les valeurs de cette unité à ce pas.',
    textGru:
      'La porte de réinitialisation décide quelle part de hₜ₋₁ entre dans le candidat nₜ ; la porte de mise à jour zₜ mélange l’état précédent et le candidat.',
    textRnn:
      'Une cellule récurrente simple : le nouvel état est la tanh d’une somme pondérée de l’entrée et de l’état précédent.',
    previousCell: 'état de cellule précédent',
    previousHidden: 'état caché précédent',
    input: 'entrée xₜ',
    check: 'Vérification : fₜ·cₜ₋₁ + iₜ·c̃ₜ = {sum}',
  },
  gradient: {
    title: 'Le gradient à travers le temps',
    text: '‖∂perte/∂hₜ‖ mesure combien la perte change quand hₜ change, y compris à travers tous les pas suivants. Dans un RNN simple il diminue d’un facteur à chaque pas en arrière et s’évanouit ; dans un LSTM le chemin cₜ = fₜ·cₜ₋₁ + … le laisse aller plus loin quand fₜ est proche de 1.',
    model: 'Ce modèle (couche {layer})',
    axisStep: 'pas de temps t',
    axisNorm: '‖∂perte/∂hₜ‖ en part de celui du dernier pas (échelle log)',
    compare: 'Comparer RNN et LSTM',
    comparing:
      'Mesure d’un RNN tanh et d’un LSTM de même taille, avant et après entraînement, sur plusieurs graines…',
    curve: '{cell} entraîné {epochs} époques (perte finale {loss})',
    curveInitial: '{cell} à l’initialisation',
    decay:
      'Après {epochs} époques ({seeds} graines moyennées, fenêtres de {steps} pas), le gradient du RNN au pas 1 vaut {rnn} de celui de son dernier pas ; celui du LSTM {lstm}. À l’initialisation : {rnnInitial} et {lstmInitial}.',
    lstmKeeps:
      'Le LSTM en ramène {factor}× plus jusqu’au pas le plus ancien : son état de cellule laisse passer le gradient là où celui du RNN s’éteint.',
    rnnKeeps:
      'Ici le RNN en garde {factor}× plus au pas le plus ancien. Sur ces données mises à l’échelle, sa tanh reste dans sa zone presque linéaire, où un RNN simple transmet le gradient presque entier, tandis que les portes d’oubli du LSTM (sous 1) le réduisent à chaque pas. L’évanouissement du gradient des RNN simples apparaît dès que la tanh sature, et la mémoire compte dès que la réponse est loin en arrière : l’exemple à longue mémoire réunit les deux.',
    similar:
      'Les deux décroissent de même ici : dans ces données les pas récents portent le signal, rien ne pousse l’une ou l’autre cellule à se souvenir du passé lointain. L’exemple à longue mémoire montre la différence.',
    longMemory: 'Essayer l’exemple à longue mémoire',
    longMemoryShown: 'Exemple à longue mémoire : la cible est la première valeur de 48 pas bruités.',
    noGradient: 'Cette trace ne porte pas de gradient pour la couche choisie.',
  },
  cells: { lstm: 'LSTM', gru: 'GRU', rnn: 'RNN' },
  error: 'Impossible de charger cette vue : {message}',
}

i18n.global.mergeLocaleMessage('en', { inside: en })
i18n.global.mergeLocaleMessage('fr', { inside: fr })
