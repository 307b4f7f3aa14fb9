/**
 * The pure rules of profiles: which identities an event carries ({@link EventIdentities}), how an
 * event's identities attach to, create or merge profiles ({@link IdentityResolver}), and how traits
 * merge last-write-wins with their history ({@link TraitObservation}). No I/O and no clock: the app
 * hands in a view of the store and applies the decisions. Depends only on {@code trailmap.events}.
 */
package trailmap.profiles;
