// A small embedded list of common French first names (the most given names in France
// since the 1940s, INSEE "Fichier des prénoms", written from memory, lower-case without
// accents). It only serves to recognise "Firstname LASTNAME" in a column meant for a legal
// entity; it is deliberately short: a name missing here is a missed warning, never a crash.
export const FIRST_NAMES: ReadonlySet<string> = new Set(
  (
    'jean pierre michel andre philippe rene louis alain jacques bernard marcel daniel roger robert paul claude christian henri georges ' +
    'nicolas francois patrick gerard christophe joseph julien maurice laurent frederic eric david stephane pascal sebastien alexandre ' +
    'thierry olivier thomas antoine raymond guy dominique lucien vincent maxime romain mathieu guillaume kevin fabrice franck didier ' +
    'yves serge gilles jerome cedric bruno hugo lucas leo gabriel arthur louis raphael jules adam nathan ethan mael noah sacha tom theo ' +
    'enzo paul victor martin baptiste quentin florian anthony benjamin jeremy damien ludovic yannick loic gael erwan killian clement ' +
    'marie jeanne francoise monique catherine nathalie isabelle jacqueline sylvie anne martine nicole christine sophie valerie sandrine ' +
    'veronique celine stephanie brigitte chantal christiane madeleine suzanne denise helene julie aurelie emilie laura camille lea manon ' +
    'chloe emma ines jade louise alice lina rose anna ambre julia mila lou agathe clara juliette eva lola sarah zoe charlotte lucie ' +
    'pauline marine caroline elodie audrey melanie claire laetitia virginie karine severine delphine florence patricia annie josiane ' +
    'odette yvette simone colette genevieve paulette therese josette micheline danielle agnes elisabeth mathilde margaux oceane justine ' +
    'morgane marion anais amandine jessica vanessa alexandra adeline cecile beatrice corinne evelyne nadine mireille muriel pascale ' +
    'fatima mohamed ahmed ali karim nadia samira rachid sofiane yasmine myriam leila'
  ).split(' '),
);
