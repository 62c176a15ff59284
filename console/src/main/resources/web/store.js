// What the page knows: who is logged in and the alerts the live feed has sent (by id).
export const store = { me: null, alerts: new Map(), firstSnapshot: true, names: new Map() };

// How people call an enterprise (its name in config/points.yaml), else its id.
export const enterpriseName = id => store.names.get(id) || id;
