// Names people use for the same venue. The corpus writes one short name per venue ("NeurIPS",
// "IEEE TPAMI"); users type the old name, the long name or a different short form, and
// resolveQuery maps all of them to whichever spelling the corpus actually has.

/** Each group is one venue; the first name is the usual short form. Matching folds case and punctuation. */
export const VENUE_ALIASES: readonly (readonly string[])[] = [
  ['NeurIPS', 'NIPS', 'Neural Information Processing Systems', 'Advances in Neural Information Processing Systems', 'Conference on Neural Information Processing Systems'],
  ['ICML', 'International Conference on Machine Learning'],
  ['ICLR', 'International Conference on Learning Representations'],
  ['AAAI', 'AAAI Conference on Artificial Intelligence'],
  ['IJCAI', 'International Joint Conference on Artificial Intelligence'],
  ['IROS', 'IEEE/RSJ International Conference on Intelligent Robots and Systems', 'International Conference on Intelligent Robots and Systems'],
  ['ICRA', 'IEEE International Conference on Robotics and Automation', 'International Conference on Robotics and Automation'],
  ['CVPR', 'Computer Vision and Pattern Recognition', 'IEEE/CVF Conference on Computer Vision and Pattern Recognition', 'Conference on Computer Vision and Pattern Recognition'],
  ['ICCV', 'International Conference on Computer Vision', 'IEEE/CVF International Conference on Computer Vision'],
  ['ECCV', 'European Conference on Computer Vision'],
  ['ACL', 'Annual Meeting of the Association for Computational Linguistics', 'Association for Computational Linguistics'],
  ['EMNLP', 'Empirical Methods in Natural Language Processing', 'Conference on Empirical Methods in Natural Language Processing'],
  ['NAACL', 'North American Chapter of the Association for Computational Linguistics'],
  ['KDD', 'SIGKDD', 'ACM SIGKDD', 'Knowledge Discovery and Data Mining'],
  ['WWW', 'The Web Conference', 'TheWebConf'],
  ['CoRL', 'Conference on Robot Learning'],
  ['AISTATS', 'Artificial Intelligence and Statistics'],
  ['UAI', 'Uncertainty in Artificial Intelligence'],
  ['COLT', 'Conference on Learning Theory'],
  ['MICCAI', 'Medical Image Computing and Computer Assisted Intervention'],
  ['TPAMI', 'IEEE TPAMI', 'PAMI', 'T-PAMI', 'IEEE Transactions on Pattern Analysis and Machine Intelligence', 'Transactions on Pattern Analysis and Machine Intelligence'],
  ['IJCV', 'International Journal of Computer Vision'],
  ['TIP', 'IEEE TIP', 'IEEE Transactions on Image Processing'],
  ['TNNLS', 'IEEE TNNLS', 'IEEE Transactions on Neural Networks and Learning Systems'],
  ['JMLR', 'Journal of Machine Learning Research'],
  ['TMLR', 'Transactions on Machine Learning Research'],
];
