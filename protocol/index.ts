/** The sysd protocol: typed descriptors of the custom requests and notifications. */
export * from './message';
export * from './requests';
export * from './what-if';
export * from './preview';
