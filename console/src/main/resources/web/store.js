// What the page knows: who is logged in and the alerts the live feed has sent (by id).
export const store = { me: null, alerts: new Map(), firstSnapshot: true };
