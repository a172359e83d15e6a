import type { errorCodesEn } from './error-codes-en'

/**
 * Chaque code d’erreur des services, en mots (français). Les faits (chemin, fichier, ligne,
 * colonne…) arrivent avec l’erreur comme données et s’affichent après ces mots.
 */
export const errorCodesFr: Record<keyof typeof errorCodesEn, string> = {
  INVALID_ARGUMENTS: 'La demande a été refusée : l’un de ses réglages n’est pas valide.',
  INVALID_ARGUMENT: 'L’un des réglages n’est pas valide ici.',
  INVALID_SETTINGS:
    'Ces réglages ne peuvent pas entraîner de réseau sur ces données ; modifiez-les dans l’écran Modèle.',
  UNKNOWN_REQUEST: 'L’application a demandé une chose que cette version ne connaît pas ; rechargez la page.',
  MALFORMED_MESSAGE: 'Un message entre la fenêtre et l’application a été abîmé ; rechargez la page.',
  INTERNAL: 'Un problème est survenu dans l’application. Réessayez ; si cela se reproduit, redémarrez-la.',
  NOT_AVAILABLE:
    'Ceci n’est pas disponible ici (le navigateur n’a pas de sélecteur de fichiers natif) : tapez le chemin ou envoyez le fichier.',
  SHUTTING_DOWN: 'L’application se ferme : plus rien de nouveau ne démarre.',
  ENOENT: 'Il n’y a ni fichier ni dossier à cet emplacement.',
  ENOTDIR: 'Une partie de ce chemin est un fichier, pas un dossier.',
  EISDIR: 'Ce chemin est un dossier là où un fichier était attendu.',
  EACCES: 'L’application n’a pas le droit d’ouvrir ce fichier ou ce dossier.',
  EPERM: 'Le système n’autorise pas cette opération sur ce fichier ou ce dossier.',
  EEXIST: 'Un élément de ce nom existe déjà.',
  ENOSPC: 'Le disque est plein : libérez de la place et réessayez.',
  EDQUOT: 'Votre quota disque est atteint : libérez de la place et réessayez.',
  EROFS: 'Ce disque est en lecture seule : choisissez un dossier où écrire.',
  ENOTEMPTY: 'Ce dossier n’est pas vide.',
  EBUSY: 'Ce fichier est utilisé par un autre programme : fermez-le et réessayez.',
  EMFILE: 'Trop de fichiers sont ouverts à la fois : patientez un instant et réessayez.',
  PATH_OUTSIDE_PROJECT: 'Ce chemin ne peut pas être utilisé : il sort du dossier du projet.',
  READ_FAILED: 'Le fichier ne peut pas être lu (il manque, ou l’application n’a pas le droit de l’ouvrir).',
  PROJECT_NOT_FOUND: 'Ce dossier ne contient pas de projet LSTM Studio.',
  PROJECT_DAMAGED: 'Le fichier du projet est abîmé et ne peut pas être lu.',
  PROJECT_TOO_NEW:
    'Ce projet a été créé par une version plus récente de LSTM Studio : mettez l’application à jour pour l’ouvrir.',
  PROJECT_LOCKED:
    'Ce projet est ouvert en modification ailleurs : fermez-le là-bas, ou ouvrez-le en lecture seule.',
  PROJECT_READ_ONLY: 'Ce projet est ouvert en lecture seule : il ne peut pas être modifié.',
  PROJECT_EXISTS: 'Un dossier de ce nom existe déjà : choisissez un autre nom ou un autre emplacement.',
  PROJECT_CLOSED: 'Ce projet a été fermé : rouvrez-le pour continuer.',
  PROJECT_NOT_OPEN: 'Ce projet n’est plus ouvert : rouvrez-le depuis la liste des projets.',
  RECORD_NOT_FOUND: 'Cet élément n’est plus dans le projet.',
  NOT_FOUND: 'Cet élément n’est plus dans le projet (il a peut-être été supprimé).',
  DUPLICATE_RECORD: 'Le projet contient déjà un élément avec cet identifiant.',
  DATASET_IN_USE: 'Des modèles ont été entraînés sur ce jeu de données : supprimez-les d’abord.',
  CACHE_MISSING: 'Ce jeu de données n’a pas de copie analysée : importez à nouveau son fichier.',
  CACHE_DAMAGED: 'La copie analysée de ce jeu de données est abîmée ; elle est refaite à partir du fichier.',
  EMPTY_FILE: 'Le fichier est vide.',
  NOT_TEXT: 'Ce n’est pas un fichier texte (il contient des données binaires) : choisissez un fichier CSV.',
  NO_DATA_ROWS: 'Le fichier a un en-tête mais aucune ligne de données.',
  TOO_FEW_ROWS: 'Le fichier a trop peu de lignes pour former une série.',
  NO_NUMERIC_COLUMN: 'Le fichier n’a aucune colonne de nombres à prévoir.',
  RAGGED_ROW: 'Une ligne n’a pas le même nombre de cellules que l’en-tête.',
  BAD_NUMBER: 'Une cellule qui devrait contenir un nombre n’en contient pas.',
  NUMBER_OUT_OF_RANGE: 'Un nombre est trop grand pour être lu.',
  BAD_TIMESTAMP: 'Une date ou une heure est illisible, ou manquante.',
  BAD_QUOTES: 'Une cellule entre guillemets n’est pas bien fermée.',
  BAD_OPTION: 'Un réglage d’import ne correspond pas à ce fichier (une colonne nommée n’existe pas).',
  DUPLICATE_TIMESTAMPS: 'Plusieurs lignes ont la même date : choisissez comment les traiter.',
  CSV_NEEDS_DECISION: 'Le fichier demande une décision avant d’être lu (ordre des dates ou dates en double).',
  COLUMN_NOT_FOUND: 'Une colonne dont le modèle a besoin manque dans ces données.',
  COLUMN_NOT_NUMERIC: 'Une colonne dont le modèle a besoin ne contient pas de nombres.',
  CANCELLED: 'L’import a été annulé.',
  IMPORT_RUNNING: 'Cet import est déjà en cours.',
  UPLOAD_TOO_LARGE: 'Le fichier s’est révélé plus gros qu’annoncé ; l’envoi a été abandonné.',
  UPLOAD_OUT_OF_ORDER: 'Des morceaux du fichier sont arrivés dans le désordre ; envoyez-le à nouveau.',
  UPLOAD_NOT_FOUND: 'Cet envoi n’est plus en cours ; envoyez le fichier à nouveau.',
  UPLOAD_INCOMPLETE: 'Le fichier n’est pas arrivé en entier ; envoyez-le à nouveau.',
  TOO_MANY_UPLOADS: 'Trop de fichiers sont envoyés à la fois : attendez la fin de l’un d’eux.',
  ALREADY_RUNNING: 'Cette exécution s’entraîne déjà.',
  NOT_RUNNING: 'Cet entraînement n’est pas en cours.',
  NON_FINITE:
    'L’entraînement a divergé (la perte est devenue infinie) : baissez le taux d’apprentissage ou mettez les données à l’échelle.',
  MODEL_NO_SOURCE:
    'Ce modèle n’indique pas sur quel jeu de données il a été entraîné : il ne peut pas prévoir ici.',
  MODEL_DAMAGED: 'Les fichiers du modèle sont abîmés.',
  MODEL_MISSING_FILE: 'Un fichier du modèle manque.',
  MODEL_FOREIGN: 'Ce dossier ne contient pas de modèle LSTM Studio.',
  MODEL_TOO_NEW:
    'Ce modèle a été enregistré par une version plus récente de LSTM Studio : mettez l’application à jour pour l’utiliser.',
  MODEL_NOT_PANEL: 'Ce dossier ne contient pas de modèle de panel.',
  MODEL_CORRUPT: 'Les fichiers du modèle sont abîmés.',
  PANEL_UNKNOWN_ATTRIBUTE:
    'Cette colonne n’est pas un attribut statique du panel (une colonne constante dans chaque série) : choisissez-en une que l’import du panel a trouvée.',
  PANEL_ATTRIBUTE_MISSING:
    'Le modèle lit un attribut statique que ce panel n’a pas comme colonne constante dans chaque série.',
  PANEL_UNKNOWN_COVARIATE:
    'Cette colonne n’est pas une covariable du panel (une colonne numérique qui varie dans ses séries) : choisissez-en une que l’import du panel a trouvée.',
  PANEL_FUTURE_MISSING:
    'Une entrée connue à l’avance demande ses valeurs sur tout l’horizon après la dernière valeur de chaque série : ajoutez ces lignes au fichier, avec leurs dates, les valeurs prévues et une valeur vide.',
  PANEL_NO_SEASON:
    'Les entrées de calendrier demandent un panel saisonnier (trimestres, mois, semaines, jours, heures…) ; ce panel n’a pas de saison.',
  NOT_A_PANEL_MODEL: 'Ce modèle n’est pas un modèle de panel de ce projet.',
  ALREADY_EXISTS: 'Ce projet a déjà une exécution avec cet identifiant.',
  EXPORT_SAME_FOLDER: 'Le dossier d’export est celui du modèle lui-même : choisissez-en un autre.',
  EXPORT_NOT_A_FOLDER: 'La destination de l’export existe et n’est pas un dossier.',
  EXPORT_FOLDER_NOT_EMPTY: 'Le dossier d’export contient déjà des fichiers.',
  EXPORT_NO_NETWORK:
    'Ce modèle est une prévision statistique (ETS), sans réseau à exporter dans ce format : exportez-le au format propre de LSTM Studio, ou exportez sa prévision en CSV.',
  EXPORT_UNSUPPORTED: 'Ce modèle ne peut pas être exporté dans ce format.',
  EXPORT_NOT_FOUND: 'Cet export n’est plus dans le projet : exportez à nouveau le modèle.',
  DOWNLOAD_INCOMPLETE: 'Le téléchargement s’est arrêté avant la fin : exportez et téléchargez à nouveau.',
}
